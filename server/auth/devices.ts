import { audit } from '../audit';
import { db } from '../db/connection';
import { publish } from '../events/bus';
import { notFound } from '../http/errors';
import { describeUserAgent } from '../../lib/user-agent';
import type { Principal } from './principal';
import { endsAt, revokeSessions } from './sessions';

/** One of a person's signed-in devices, as their account page lists it. */
export interface Device {
  /** The session's id: the person's own, to sign it out by. */
  id: string;
  browser: string;
  firstSeenAt: number;
  lastSeenAt: number;
  shared: boolean;
  /** The device this list was asked from. */
  current: boolean;
}

async function liveSessions(userId: string) {
  const now = Date.now();
  const rows = await db()
    .kysely.selectFrom('sessions')
    .select(['id', 'user_agent', 'created_at', 'expires_at', 'last_seen_at', 'shared'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  return rows.filter((row) => endsAt(row) > now);
}

/** The caller's live sessions, most recently used first. */
export async function listDevices(principal: Principal): Promise<Device[]> {
  const rows = await liveSessions(principal.userId);
  return rows
    .map((row) => ({
      id: row.id,
      browser: describeUserAgent(row.user_agent),
      firstSeenAt: row.created_at,
      lastSeenAt: row.last_seen_at ?? row.created_at,
      shared: row.shared === 1,
      current: row.id === principal.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt);
}

/**
 * Ends sessions of the caller's and cuts their live connections at once: the sync process
 * closes their document sockets (4401) and the board channel tells their pages (session:ended).
 */
async function revoke(userId: string, sessionIds: string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await revokeSessions(sessionIds, userId);
  for (const sessionId of sessionIds) publish({ type: 'session-revoked', sessionId });
}

/** Signs one of the caller's devices out; someone else's session, or a gone one, is not found. */
export async function signOutDevice(principal: Principal, sessionId: string): Promise<void> {
  const live = await liveSessions(principal.userId);
  if (!live.some((row) => row.id === sessionId)) throw notFound('That device');
  await revoke(principal.userId, [sessionId]);
  await audit({ action: 'device.signed-out', userId: principal.userId });
}

/** Signs the caller out on every device, this one included unless `keepCurrent`. */
export async function signOutEverywhere(principal: Principal, keepCurrent: boolean): Promise<number> {
  const ids = (await liveSessions(principal.userId))
    .map((row) => row.id)
    .filter((id) => !keepCurrent || id !== principal.sessionId);
  await revoke(principal.userId, ids);
  await audit({
    action: keepCurrent ? 'sessions.others-signed-out' : 'sessions.all-signed-out',
    userId: principal.userId,
    detail: { count: ids.length },
  });
  return ids.length;
}
