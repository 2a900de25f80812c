import { audit } from '../audit';
import { publish } from '../events/bus';
import type { Principal } from './principal';
import { revokeSession } from './sessions';

/**
 * The screen was hidden (components/quick-hide.tsx). On a shared or family computer the session
 * ends at once, so that coming back needs the password; on one's own device it goes on (the page
 * was replaced by a neutral one, and Back or reload show that one).
 */
export async function sessionHidden(principal: Principal): Promise<{ ended: boolean }> {
  if (!principal.shared) return { ended: false };
  await revokeSession(principal.sessionId);
  await audit({ action: 'sign-out.hidden', userId: principal.userId });
  publish({ type: 'session-revoked', sessionId: principal.sessionId });
  return { ended: true };
}
