import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import type { Role } from '../../lib/roles';
import { publish } from '../events/bus';
import { conflict, notFound } from '../http/errors';

/** A member as a page or an API answer shows them. */
export interface Member {
  userId: string;
  name: string;
  /** Only for those who manage members: see membersSeenBy. */
  email?: string;
  role: Role;
  joinedAt: number;
}

/** Every member with their e-mail address: for the server's own use and the export. */
export async function listMembers(boardId: string): Promise<Array<Member & { email: string }>> {
  const rows = await db()
    .kysely.selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.board_id', '=', boardId)
    .orderBy('memberships.created_at')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: r.role, joinedAt: r.created_at }));
}

/**
 * The members as one person may see them: names and roles for everyone on the board, e-mail
 * addresses only when `seesEmails`, which callers answer with can(role, 'members.manage'). A
 * viewer (or the loved one holding a relative's phone) learns who is on the team, not how to
 * reach them.
 */
export async function membersSeenBy(boardId: string, seesEmails: boolean): Promise<Member[]> {
  const members = await listMembers(boardId);
  return seesEmails ? members : members.map(({ email: _email, ...member }) => member);
}

async function interventionistCount(boardId: string): Promise<number> {
  const row = await db()
    .kysely.selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('board_id', '=', boardId)
    .where('role', '=', 'interventionist')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function currentRole(boardId: string, userId: string): Promise<Role> {
  const row = await db()
    .kysely.selectFrom('memberships')
    .select('role')
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) throw notFound('That member');
  return row.role;
}

const LAST_INTERVENTIONIST =
  'A board always keeps at least one interventionist. Make someone else interventionist first.';

function announce(boardId: string, detail: Record<string, unknown>): void {
  publish({ type: 'access-changed', boardId });
  publish({ type: 'board-changed', boardId, topic: 'members', audience: { kind: 'board' }, detail });
}

export async function changeRole(principal: Principal, boardId: string, userId: string, role: Role): Promise<void> {
  const before = await currentRole(boardId, userId);
  if (before === role) return;
  if (before === 'interventionist' && (await interventionistCount(boardId)) <= 1) throw conflict(LAST_INTERVENTIONIST);
  await db()
    .kysely.updateTable('memberships')
    .set({ role })
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .execute();
  await audit({
    action: 'member.role-changed',
    userId: principal.userId,
    boardId,
    detail: { member: userId, from: before, to: role },
  });
  announce(boardId, { change: 'role', userId, role });
}

export async function removeMember(principal: Principal, boardId: string, userId: string): Promise<void> {
  const before = await currentRole(boardId, userId);
  if (before === 'interventionist' && (await interventionistCount(boardId)) <= 1) throw conflict(LAST_INTERVENTIONIST);
  await db()
    .kysely.transaction()
    .execute(async (trx) => {
      await trx.deleteFrom('memberships').where('board_id', '=', boardId).where('user_id', '=', userId).execute();
      await trx.deleteFrom('letter_shares').where('board_id', '=', boardId).where('user_id', '=', userId).execute();
    });
  await audit({
    action: 'member.removed',
    userId: principal.userId,
    boardId,
    detail: { member: userId, role: before },
  });
  announce(boardId, { change: 'removed', userId });
}
