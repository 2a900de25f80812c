import { db } from '../db/connection';
import { newId } from '../ids';
import type { Principal } from './principal';

/** How long a sign-in lasts. A family device is often shared, so a week rather than a month. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export async function createSession(userId: string): Promise<string> {
  const id = newId();
  const now = Date.now();
  await db()
    .kysely.insertInto('sessions')
    .values({
      id,
      user_id: userId,
      created_at: now,
      expires_at: now + SESSION_MAX_AGE_SECONDS * 1000,
      revoked_at: null,
    })
    .execute();
  return id;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db()
    .kysely.updateTable('sessions')
    .set({ revoked_at: Date.now() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * A JWT alone cannot be revoked, so every token names a session row and each request and
 * websocket upgrade checks that the row is still live.
 */
export async function principalForSession(sessionId: string, userId: string): Promise<Principal | null> {
  const row = await db()
    .kysely.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.id as userId',
      'users.email',
      'users.name',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || row.userId !== userId || row.revoked_at !== null || row.expires_at <= Date.now()) return null;
  return { userId: row.userId, sessionId: row.id, email: row.email, name: row.name };
}

/**
 * When a session ends by itself (ms since the epoch), or null if there is no such session: for
 * a long-lived connection (the board channel) that checks expiry on every event without asking
 * the database each time. Revocation is announced on the bus instead.
 */
export async function sessionExpiresAt(sessionId: string): Promise<number | null> {
  const row = await db()
    .kysely.selectFrom('sessions')
    .select('expires_at')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row?.expires_at ?? null;
}
