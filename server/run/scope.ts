import type { Role } from '../../lib/roles';
import { requireAttempt } from '../attempts/attempts';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { param, type RouteContext } from '../http/route';
import { requireBoardAction } from '../permissions';

/** Who asks about which attempt's run; any member may follow one (what they may do is per move). */
export interface RunScope {
  principal: Principal;
  role: Role;
  boardId: string;
  attempt: { number: number; frozen: boolean };
  /** Runs happen on the latest attempt only: an earlier one is over (staged past). */
  latest: boolean;
}

export async function latestAttemptNumber(boardId: string): Promise<number> {
  const row = await db()
    .kysely.selectFrom('attempts')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('board_id', '=', boardId)
    .executeTakeFirst();
  return Number(row?.number ?? 1);
}

export async function runScope(ctx: RouteContext, principal: Principal): Promise<RunScope> {
  const boardId = await param(ctx, 'boardId');
  const role = await requireBoardAction(principal, boardId, 'board.view');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  return { principal, role, boardId, attempt, latest: attempt.number === (await latestAttemptNumber(boardId)) };
}
