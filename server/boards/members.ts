import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import type { Role } from '../../lib/roles';
import { publish } from '../events/bus';
import { conflict, notFound } from '../http/errors';

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: number;
}

export async function listMembers(boardId: string): Promise<Member[]> {
  const rows = await db()
    .kysely.selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.board_id', '=', boardId)
    .orderBy('memberships.created_at')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: r.role, joinedAt: r.created_at }));
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
