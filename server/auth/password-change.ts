import { audit } from '../audit';
import { badRequest, tooManyRequests } from '../http/errors';
import { signOutEverywhere } from './devices';
import type { Principal } from './principal';
import { beginSignIn, waitInWords } from './rate-limit';
import { passwordMatches, setPassword } from './users';

/**
 * Changes the caller's password and ends their other sessions (a phone left at home, a laptop
 * someone else can open), cutting those devices' live connections at once. The current password
 * is checked under the sign-in limits: a borrowed, signed-in phone is not a way to guess it.
 */
export async function changePassword(
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
  address: string,
): Promise<{ signedOut: number }> {
  const attempt = await beginSignIn(principal.email, address);
  if (!attempt.allowed) {
    const seconds = Math.ceil(attempt.retryAfterMs / 1000);
    throw tooManyRequests(`Too many attempts. ${waitInWords(attempt.retryAfterMs)} and try again.`, seconds);
  }
  if (!(await passwordMatches(principal.userId, input.currentPassword))) {
    await audit({ action: 'password.change-refused', userId: principal.userId });
    throw badRequest('That is not your current password.', { currentPassword: ['That is not your current password.'] });
  }
  await attempt.succeeded();
  await setPassword(principal.userId, input.newPassword);
  const signedOut = await signOutEverywhere(principal, true);
  await audit({ action: 'password.changed', userId: principal.userId, detail: { signedOut } });
  return { signedOut };
}
