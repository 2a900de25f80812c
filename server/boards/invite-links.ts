import { createHmac } from 'node:crypto';
import { env } from '../env';
import { hashToken } from '../ids';

/**
 * An invite's link can be shown again, as long as nobody has used it: its token is derived from
 * the invite's id and the server's secret (HMAC-SHA256, 256 bits), so the database still holds
 * only the token's hash (a copy of the file opens no invite) while the interventionist can copy
 * each open link from its row, not only in the moment it was made. A link is a request to join
 * the interventionist approves, so seeing it again gives no one more than making a new one.
 */
export function inviteToken(inviteId: string): string {
  return createHmac('sha256', env().secret).update(`invite-link:${inviteId}`).digest('base64url');
}

/** The address a person opens: on the app's own origin, the one people type (NEXTAUTH_URL). */
export function inviteUrl(token: string): string {
  return new URL(`/invite/${token}`, env().origin).toString();
}

/**
 * An open invite's link made again, or null when it cannot be: an invite from before links were
 * derived (its token was random), or one made under another secret.
 */
export function inviteLinkAgain(inviteId: string, tokenHash: string): string | null {
  const token = inviteToken(inviteId);
  return hashToken(token) === tokenHash ? inviteUrl(token) : null;
}
