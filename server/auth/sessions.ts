import { narrowAccessOfMember } from '../boards/access-version';
import { db } from '../db/connection';
import { transact } from '../db/immediate';
import { env } from '../env';
import { newId } from '../ids';
import type { Principal } from './principal';

/** How long a sign-in lasts. A family device is often shared, so a week rather than a month. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
/** A sign-in on a shared or family computer lasts an evening at most, however busy. */
export const SHARED_SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/**
 * Last use is written at most this often per session (pages report activity more often), and
 * well within a shared computer's idle limit when a test shortens it.
 */
const TOUCH_EVERY_MS = 20_000;
/** What is kept of a User-Agent: enough to name the browser, bounded whatever a client sends. */
const USER_AGENT_MAX = 512;

export interface DeviceFacts {
  userAgent: string;
  /** Signed in as a shared or family computer (docs/security.md). */
  shared: boolean;
}

export async function createSession(userId: string, device: DeviceFacts): Promise<string> {
  const id = newId();
  const now = Date.now();
  const lifetime = device.shared ? SHARED_SESSION_MAX_AGE_SECONDS : SESSION_MAX_AGE_SECONDS;
  await db()
    .kysely.insertInto('sessions')
    .values({
      id,
      user_id: userId,
      created_at: now,
      expires_at: now + lifetime * 1000,
      revoked_at: null,
      user_agent: device.userAgent.slice(0, USER_AGENT_MAX),
      last_seen_at: now,
      shared: device.shared ? 1 : 0,
    })
    .execute();
  return id;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await revokeSessions([sessionId]);
}

/**
 * Ends the sessions (only `userId`'s, when given). Every board of the people whose sessions
 * ended has its access version bumped in the same transaction: a socket of an ended session
 * that writes before the news reaches its board's process is refused at the append.
 */
export async function revokeSessions(sessionIds: string[], userId?: string): Promise<void> {
  if (sessionIds.length === 0) return;
  await transact(async (tx) => {
    let ending = tx
      .updateTable('sessions')
      .set({ revoked_at: Date.now() })
      .where('id', 'in', sessionIds)
      .where('revoked_at', 'is', null);
    if (userId !== undefined) ending = ending.where('user_id', '=', userId);
    const ended = await ending.returning('user_id').execute();
    for (const owner of new Set(ended.map((row) => row.user_id))) await narrowAccessOfMember(tx, owner);
  });
}

/** How long a shared computer's session may go unused before it ends. */
export function sharedIdleMs(): number {
  return env().SHARED_SESSION_IDLE_SECONDS * 1000;
}

/** The moment a session ends by itself: its expiry, or for a shared computer its idle limit if sooner. */
export function endsAt(row: { expires_at: number; shared: number; last_seen_at: number | null; created_at: number }) {
  if (row.shared !== 1) return row.expires_at;
  return Math.min(row.expires_at, (row.last_seen_at ?? row.created_at) + sharedIdleMs());
}

/**
 * A JWT alone cannot be revoked, so every token names a session row and each request and
 * websocket upgrade checks that the row is still live: not revoked, not expired, and on a
 * shared computer, used within the idle limit.
 */
export async function principalForSession(sessionId: string, userId: string): Promise<Principal | null> {
  const row = await db()
    .kysely.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.created_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'sessions.last_seen_at',
      'sessions.shared',
      'users.id as userId',
      'users.email',
      'users.name',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || row.userId !== userId || row.revoked_at !== null || endsAt(row) <= Date.now()) return null;
  return { userId: row.userId, sessionId: row.id, email: row.email, name: row.name, shared: row.shared === 1 };
}

/**
 * When a session ends by itself (ms since the epoch), or null if there is no such session: for
 * a long-lived connection (the board channel) that checks expiry on every event without asking
 * the database each time. Revocation is announced on the bus instead, and a shared computer's
 * idle limit is found by the channel's sweep (server/socket/session-guard.ts).
 */
export async function sessionExpiresAt(sessionId: string): Promise<number | null> {
  const row = await db()
    .kysely.selectFrom('sessions')
    .select('expires_at')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row?.expires_at ?? null;
}

/** The person used this device just now: the device list's "last used", a shared computer's idle clock. */
export async function touchSession(sessionId: string, now = Date.now()): Promise<void> {
  const every = Math.min(TOUCH_EVERY_MS, sharedIdleMs() / 4);
  await db()
    .kysely.updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', now - every)]))
    .execute();
}

/** How long until the session ends by itself if nobody uses it (its expiry, or the idle limit). */
export async function msLeft(sessionId: string, now = Date.now()): Promise<number> {
  const row = await db()
    .kysely.selectFrom('sessions')
    .select(['created_at', 'expires_at', 'last_seen_at', 'shared'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row ? Math.max(0, endsAt(row) - now) : 0;
}
