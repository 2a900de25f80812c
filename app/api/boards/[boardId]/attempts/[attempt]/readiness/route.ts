import { NextResponse } from 'next/server';
import { requireAttempt, requireNotFrozen } from '@/server/attempts/attempts';
import { ConfirmReadinessSchema } from '@/lib/schemas/readiness';
import { authedRoute, param, readJson } from '@/server/http/route';
import { can, requireBoardAction } from '@/server/permissions';
import { confirmReadiness, readinessReport } from '@/server/readiness/readiness';

/**
 * Interventionists see everyone's check-in and letters; others see their own, the attendance
 * decisions, and how many others still owe letters.
 */
export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  const role = await requireBoardAction(principal, boardId, 'board.view');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  const onlyUserId = can(role, 'readiness.view-all') ? null : principal.userId;
  return NextResponse.json(await readinessReport(boardId, attempt.number, onlyUserId));
});

export const PUT = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  const role = await requireBoardAction(principal, boardId, 'readiness.confirm-own');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  requireNotFrozen(attempt);
  const input = await readJson(req, ConfirmReadinessSchema);
  await confirmReadiness(principal, boardId, attempt.number, input, can(role, 'bottom-lines.hold-own'));
  return NextResponse.json({ ok: true });
});
