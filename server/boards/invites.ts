import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { immediately, writeNow } from '../db/immediate';
import type { Role } from '../../lib/roles';
import { publish } from '../events/bus';
import { gone, notFound } from '../http/errors';
import { hashToken, newId, newToken } from '../ids';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface InviteSummary {
  id: string;
  role: Role;
  createdAt: number;
  expiresAt: number;
  status: 'open' | 'used' | 'revoked' | 'expired';
  usedByName: string | null;
}

/** Creates a single-use invite. The token is returned once; only its hash is stored. */
export async function createInvite(
  principal: Principal,
  boardId: string,
  role: Role,
  expiresInDays: number,
): Promise<{ invite: InviteSummary; token: string }> {
  const token = newToken();
  const now = Date.now();
  const id = newId();
  const expiresAt = now + expiresInDays * DAY_MS;
  await db()
    .kysely.insertInto('invites')
    .values({
      id,
      board_id: boardId,
      token_hash: hashToken(token),
      role,
      created_by: principal.userId,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
      revoked_at: null,
    })
    .execute();
  await audit({ action: 'invite.created', userId: principal.userId, boardId, detail: { inviteId: id, role } });
  publish({
    type: 'board-changed',
    boardId,
    topic: 'invites',
    audience: { kind: 'private', userIds: [] },
    detail: { inviteId: id },
  });
  return { invite: { id, role, createdAt: now, expiresAt, status: 'open', usedByName: null }, token };
}

function statusOf(
  row: { used_at: number | null; revoked_at: number | null; expires_at: number },
  now: number,
): InviteSummary['status'] {
  if (row.used_at !== null) return 'used';
  if (row.revoked_at !== null) return 'revoked';
  if (row.expires_at <= now) return 'expired';
  return 'open';
}

export async function listInvites(boardId: string): Promise<InviteSummary[]> {
  const now = Date.now();
  const rows = await db()
    .kysely.selectFrom('invites')
    .leftJoin('users', 'users.id', 'invites.used_by')
    .select([
      'invites.id',
      'invites.role',
      'invites.created_at',
      'invites.expires_at',
      'invites.used_at',
      'invites.revoked_at',
      'users.name',
    ])
    .where('invites.board_id', '=', boardId)
    .orderBy('invites.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    status: statusOf(r, now),
    usedByName: r.name,
  }));
}

export async function revokeInvite(principal: Principal, boardId: string, inviteId: string): Promise<void> {
  const result = await db()
    .kysely.updateTable('invites')
    .set({ revoked_at: Date.now() })
    .where('id', '=', inviteId)
    .where('board_id', '=', boardId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('That open invite');
  await audit({ action: 'invite.revoked', userId: principal.userId, boardId, detail: { inviteId } });
  publish({
    type: 'board-changed',
    boardId,
    topic: 'invites',
    audience: { kind: 'private', userIds: [] },
    detail: { inviteId },
  });
}

export interface InvitePreview {
  boardTitle: string;
  role: Role;
  expiresAt: number;
}

async function findUsableInvite(token: string) {
  const row = await db()
    .kysely.selectFrom('invites')
    .innerJoin('boards', 'boards.id', 'invites.board_id')
    .select([
      'invites.id',
      'invites.board_id',
      'invites.role',
      'invites.expires_at',
      'invites.used_at',
      'invites.revoked_at',
      'boards.title',
    ])
    .where('invites.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw notFound('That invite');
  const status = statusOf(row, Date.now());
  if (status === 'used') throw gone('This invite has already been used. Ask for a new one.');
  if (status === 'revoked') throw gone('This invite was withdrawn. Ask for a new one.');
  if (status === 'expired') throw gone('This invite has expired. Ask for a new one.');
  return row;
}

export async function previewInvite(token: string): Promise<InvitePreview> {
  const row = await findUsableInvite(token);
  return { boardTitle: row.title, role: row.role, expiresAt: row.expires_at };
}

/**
 * Accepts an invite: single use, enforced by the conditional update inside the transaction.
 * Someone already on the board keeps their role (an invite never demotes or promotes).
 */
export async function acceptInvite(principal: Principal, token: string): Promise<{ boardId: string }> {
  const row = await findUsableInvite(token);
  const now = Date.now();
  const { kysely } = db();
  const claimed = immediately(() => {
    const used = writeNow(
      kysely
        .updateTable('invites')
        .set({ used_at: now, used_by: principal.userId })
        .where('id', '=', row.id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null),
    );
    if (used === 0) return false;
    writeNow(
      kysely
        .insertInto('memberships')
        .values({ board_id: row.board_id, user_id: principal.userId, role: row.role, created_at: now })
        .onConflict((oc) => oc.columns(['board_id', 'user_id']).doNothing()),
    );
    return true;
  });
  if (!claimed) throw gone('This invite has already been used. Ask for a new one.');
  await audit({
    action: 'invite.accepted',
    userId: principal.userId,
    boardId: row.board_id,
    detail: { inviteId: row.id, role: row.role },
  });
  publish({
    type: 'board-changed',
    boardId: row.board_id,
    topic: 'members',
    audience: { kind: 'board' },
    detail: { change: 'joined', userId: principal.userId },
  });
  return { boardId: row.board_id };
}
