import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { transact, type Tx } from '../db/immediate';
import { narrowAccess } from './access-version';
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

/** Read inside the transaction that acts on the answer (transact), never before it. */
async function interventionistCount(tx: Tx, boardId: string): Promise<number> {
  const row = await tx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('board_id', '=', boardId)
    .where('role', '=', 'interventionist')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function currentRole(tx: Tx, boardId: string, userId: string): Promise<Role> {
  const row = await tx
    .selectFrom('memberships')
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

/**
 * The role, the count of interventionists and the change are read and written in one immediate
 * transaction: two interventionists demoting each other at the same moment cannot both see
 * "two left" and leave the board with none.
 */
export async function changeRole(principal: Principal, boardId: string, userId: string, role: Role): Promise<void> {
  const before = await transact(async (tx): Promise<Role | null> => {
    const current = await currentRole(tx, boardId, userId);
    if (current === role) return null;
    if (current === 'interventionist' && (await interventionistCount(tx, boardId)) <= 1) {
      throw conflict(LAST_INTERVENTIONIST);
    }
    await tx
      .updateTable('memberships')
      .set({ role })
      .where('board_id', '=', boardId)
      .where('user_id', '=', userId)
      .execute();
    await narrowAccess(tx, boardId);
    return current;
  });
  if (before === null) return;
  await audit({
    action: 'member.role-changed',
    userId: principal.userId,
    boardId,
    detail: { member: userId, from: before, to: role },
  });
  announce(boardId, { change: 'role', userId, role });
}

/** Like changeRole: the check that an interventionist remains and the removal are one transaction. */
export async function removeMember(principal: Principal, boardId: string, userId: string): Promise<void> {
  const before = await transact(async (tx): Promise<Role> => {
    const current = await currentRole(tx, boardId, userId);
    if (current === 'interventionist' && (await interventionistCount(tx, boardId)) <= 1) {
      throw conflict(LAST_INTERVENTIONIST);
    }
    await tx.deleteFrom('memberships').where('board_id', '=', boardId).where('user_id', '=', userId).execute();
    await tx.deleteFrom('letter_shares').where('board_id', '=', boardId).where('user_id', '=', userId).execute();
    await narrowAccess(tx, boardId);
    return current;
  });
  await audit({
    action: 'member.removed',
    userId: principal.userId,
    boardId,
    detail: { member: userId, role: before },
  });
  announce(boardId, { change: 'removed', userId });
}
