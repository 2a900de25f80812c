import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { transact } from '../db/immediate';
import type { Role } from '../../lib/roles';
import { inviteDays } from '../../lib/permissions/invites';
import { publish } from '../events/bus';
import { conflict, notFound } from '../http/errors';
import { hashToken, newId } from '../ids';
import { inviteLinkAgain, inviteToken, inviteUrl } from './invite-links';
import { inviteStatus, type InviteStatus } from './invite-status';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The account that used an invite link, as the interventionist who decides sees it. */
export interface InviteClaimant {
  name: string;
  email: string;
  claimedAt: number;
}

export interface InviteSummary {
  id: string;
  /** Who it is for, in the inviter's words ("Aunt Pat"). */
  label: string;
  role: Role;
  createdAt: number;
  expiresAt: number;
  status: InviteStatus;
  /** Who used the link; null while it is open (or was never used). */
  claimedBy: InviteClaimant | null;
  /**
   * The link while it is open, for those who manage invites to copy again (./invite-links.ts);
   * null once used, withdrawn or expired, and wherever links are not asked for (the export).
   */
  link: string | null;
}

/** Invite changes concern only those who manage invites (and the link's user, who polls). */
function announce(boardId: string, inviteId: string): void {
  publish({
    type: 'board-changed',
    boardId,
    topic: 'invites',
    audience: { kind: 'private', userIds: [] },
    detail: { inviteId },
  });
}

/** Creates a single-use invite. The token is returned once; only its hash is stored. */
export async function createInvite(
  principal: Principal,
  boardId: string,
  input: { label: string; role: Role; expiresInDays?: number },
): Promise<{ invite: InviteSummary; token: string }> {
  const now = Date.now();
  const id = newId();
  const token = inviteToken(id);
  const expiresAt = now + inviteDays(input.role, input.expiresInDays) * DAY_MS;
  await db()
    .kysely.insertInto('invites')
    .values({
      id,
      board_id: boardId,
      token_hash: hashToken(token),
      role: input.role,
      label: input.label,
      created_by: principal.userId,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
      revoked_at: null,
      decision: null,
      decided_by: null,
      decided_at: null,
    })
    .execute();
  await audit({
    action: 'invite.created',
    userId: principal.userId,
    boardId,
    detail: { inviteId: id, role: input.role },
  });
  announce(boardId, id);
  const invite: InviteSummary = {
    id,
    label: input.label,
    role: input.role,
    createdAt: now,
    expiresAt,
    status: 'open',
    claimedBy: null,
    link: inviteUrl(token),
  };
  return { invite, token };
}

/**
 * The board's invites, newest first. `links`: each open invite's link, for the invites card; the
 * export asks without, so that no file kept on a computer carries a working link.
 */
export async function listInvites(boardId: string, options: { links: boolean }): Promise<InviteSummary[]> {
  const now = Date.now();
  const rows = await db()
    .kysely.selectFrom('invites')
    .leftJoin('users', 'users.id', 'invites.used_by')
    .select([
      'invites.id',
      'invites.label',
      'invites.role',
      'invites.created_at',
      'invites.expires_at',
      'invites.used_at',
      'invites.used_by',
      'invites.revoked_at',
      'invites.decision',
      'invites.token_hash',
      'users.name',
      'users.email',
    ])
    .where('invites.board_id', '=', boardId)
    .orderBy('invites.created_at', 'desc')
    .execute();
  return rows.map((r) => {
    const status = inviteStatus(r, now);
    return {
      id: r.id,
      label: r.label,
      role: r.role,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      status,
      claimedBy:
        r.used_at !== null && r.name !== null && r.email !== null
          ? { name: r.name, email: r.email, claimedAt: r.used_at }
          : null,
      link: options.links && status === 'open' ? inviteLinkAgain(r.id, r.token_hash) : null,
    };
  });
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
  announce(boardId, inviteId);
}

/**
 * The interventionist decides about the account that used an invite: approved, it joins the
 * board with the invite's role (someone already on the board keeps theirs); refused, it never
 * does, and the link stays used. Only a claimed, undecided invite can be decided (409), read
 * and written in one immediate transaction so that two decisions cannot both land.
 */
export async function decideInvite(
  principal: Principal,
  boardId: string,
  inviteId: string,
  decision: 'approved' | 'refused',
): Promise<{ userId: string }> {
  const now = Date.now();
  const decided = await transact(async (tx) => {
    const row = await tx
      .selectFrom('invites')
      .select(['role', 'used_by', 'decision'])
      .where('id', '=', inviteId)
      .where('board_id', '=', boardId)
      .executeTakeFirst();
    if (!row) throw notFound('That invite');
    if (row.used_by === null || row.decision !== null) throw conflict('This invite is not waiting for a decision.');
    await tx
      .updateTable('invites')
      .set({ decision, decided_by: principal.userId, decided_at: now })
      .where('id', '=', inviteId)
      .execute();
    if (decision === 'approved') {
      await tx
        .insertInto('memberships')
        .values({ board_id: boardId, user_id: row.used_by, role: row.role, created_at: now })
        .onConflict((oc) => oc.columns(['board_id', 'user_id']).doNothing())
        .execute();
    }
    return { userId: row.used_by, role: row.role };
  });
  await audit({
    action: `invite.${decision}`,
    userId: principal.userId,
    boardId,
    detail: { inviteId, member: decided.userId, role: decided.role },
  });
  announce(boardId, inviteId);
  if (decision === 'approved') {
    publish({
      type: 'board-changed',
      boardId,
      topic: 'members',
      audience: { kind: 'board' },
      detail: { change: 'joined', userId: decided.userId },
    });
  }
  return { userId: decided.userId };
}
