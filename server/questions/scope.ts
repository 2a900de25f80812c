import type { Principal } from '../auth/principal';
import { requireAttempt } from '../attempts/attempts';
import { param, type RouteContext } from '../http/route';
import { requireBoardAction } from '../permissions';
import type { QuestionScope } from './questions';

/**
 * The board, the attempt and the caller's role for a questions route: any member may read,
 * and what they may change is decided per question by lib/permissions/questions.ts.
 */
export async function questionScope(ctx: RouteContext, principal: Principal): Promise<QuestionScope> {
  const boardId = await param(ctx, 'boardId');
  const role = await requireBoardAction(principal, boardId, 'board.view');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  return { principal, role, boardId, attempt };
}
