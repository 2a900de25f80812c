import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { changed } from '../db/immediate';
import type { Role } from '../../lib/roles';
import { publish } from '../events/bus';
import { gone, notFound } from '../http/errors';
import { hashToken } from '../ids';
import { boardRole } from '../permissions';
import { inviteStatus } from './invite-status';

/**
 * An invite as the person who opened its link sees it. It names who sent it and who it is for,
 * never the board's title or anything of the plan: whoever holds a forwarded link (the loved one
 * too) learns only that someone was invited. `boardId` is there only for someone on the board.
 */
export interface InviteForVisitor {
  invitedBy: string;
  label: string;
  role: Role;
  expiresAt: number;
  /** 'waiting' and 'refused' are this visitor's own claim; 'used' is someone else's. */
  status: 'open' | 'waiting' | 'joined' | 'refused' | 'used' | 'revoked' | 'expired';
  boardId: string | null;
}

async function findInvite(token: string) {
  const row = await db()
    .kysely.selectFrom('invites')
    .innerJoin('users as inviter', 'inviter.id', 'invites.created_by')
    .select([
      'invites.id',
      'invites.board_id',
      'invites.role',
      'invites.label',
      'invites.expires_at',
      'invites.used_at',
      'invites.used_by',
      'invites.revoked_at',
      'invites.decision',
      'inviter.name as inviterName',
    ])
    .where('invites.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw notFound('That invite');
  return row;
}

type FoundInvite = Awaited<ReturnType<typeof findInvite>>;

async function viewFor(principal: Principal, row: FoundInvite): Promise<InviteForVisitor> {
  const base = { invitedBy: row.inviterName, label: row.label, role: row.role, expiresAt: row.expires_at };
  // Someone on the board lands on it, whoever the link was for: they need nothing from it.
  if ((await boardRole(principal.userId, row.board_id)) !== null) {
    return { ...base, status: 'joined', boardId: row.board_id };
  }
  const status = inviteStatus(row, Date.now());
  const mine = row.used_by === principal.userId;
  if (status === 'waiting' || status === 'refused') return { ...base, status: mine ? status : 'used', boardId: null };
  // Approved once, and removed from the board since: the link does not bring them back.
  if (status === 'joined') return { ...base, status: 'used', boardId: null };
  return { ...base, status, boardId: null };
}

export async function previewInvite(principal: Principal, token: string): Promise<InviteForVisitor> {
  return viewFor(principal, await findInvite(token));
}

const REFUSALS: Partial<Record<InviteForVisitor['status'], string>> = {
  used: 'This invite has already been used. Ask for a new one.',
  revoked: 'This invite was withdrawn. Ask for a new one.',
  expired: 'This invite has expired. Ask for a new one.',
};

/**
 * Accepting an invite claims it for this account and asks the interventionist to approve it:
 * nobody reaches the board by holding a link (a forwarded one, the loved one's). Single use,
 * by the conditional update in one immediate transaction. Someone already on the board, or
 * who already claimed this link, is answered where they stand and nothing changes.
 */
export async function acceptInvite(principal: Principal, token: string): Promise<InviteForVisitor> {
  const row = await findInvite(token);
  const before = await viewFor(principal, row);
  const refusal = REFUSALS[before.status];
  if (refusal) throw gone(refusal);
  if (before.status !== 'open') return before;
  const now = Date.now();
  // One conditional update: of two claims at the same moment, only one changes the row.
  const claimed =
    changed(
      await db()
        .kysely.updateTable('invites')
        .set({ used_at: now, used_by: principal.userId })
        .where('id', '=', row.id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst(),
    ) === 1;
  if (!claimed) {
    const after = await viewFor(principal, await findInvite(token));
    throw gone(REFUSALS[after.status] ?? REFUSALS.used ?? '');
  }
  await audit({
    action: 'invite.claimed',
    userId: principal.userId,
    boardId: row.board_id,
    detail: { inviteId: row.id, role: row.role },
  });
  publish({
    type: 'board-changed',
    boardId: row.board_id,
    topic: 'invites',
    audience: { kind: 'private', userIds: [] },
    detail: { inviteId: row.id },
  });
  return { ...before, status: 'waiting' };
}
