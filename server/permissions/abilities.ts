import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { abilitiesOf, type BoardStanding } from '../../lib/permissions/abilities';
import { boardRole } from './index';

/**
 * The caller's role on the board and what it lets them do, for a page to hand to its components;
 * null when they are not a member. The answers come from the same rules the API and the sync
 * server apply (lib/permissions/rules), from the same records.
 */
export async function boardStanding(
  principal: Pick<Principal, 'userId'>,
  boardId: string,
): Promise<BoardStanding | null> {
  const role = await boardRole(principal.userId, boardId);
  if (role === null) return null;
  const attempts = await db()
    .kysely.selectFrom('attempts')
    .select(['number', 'frozen_at'])
    .where('board_id', '=', boardId)
    .orderBy('number')
    .execute();
  const facts = {
    role,
    attempts: attempts.map((attempt) => ({ number: attempt.number, frozen: attempt.frozen_at != null })),
  };
  return { role, abilities: abilitiesOf(principal.userId, boardId, facts) };
}
