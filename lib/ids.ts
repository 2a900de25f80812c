import { createHash, randomBytes } from 'node:crypto';

/** Record ids: 128 random bits, URL-safe. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** Ids arrive in URLs and document names; anything else is refused before it reaches storage. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{16,32}$/;

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** Invite tokens are secrets: 256 bits, stored only as a SHA-256 hash. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
