import { createHash, randomBytes } from 'node:crypto';

/** Record ids: 128 random bits, URL-safe (they match lib/ids.ts's ID_PATTERN). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** Invite tokens are secrets: 256 bits, stored only as a SHA-256 hash. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
