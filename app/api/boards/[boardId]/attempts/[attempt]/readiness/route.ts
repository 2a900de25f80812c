import { NextResponse } from 'next/server';
import { requireAttempt, requireNotFrozen } from '@/server/attempts/attempts';
import { ConfirmReadinessSchema } from '@/lib/schemas/readiness';
import { authedRoute, param, readJson } from '@/server/http/route';
import { can, requireBoardAction } from '@/server/permissions';
import { confirmReadiness, listReadiness } from '@/server/readiness/readiness';

/** Interventionists see everyone's check-in; others see their own and the attendance decisions. */
export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  const role = await requireBoardAction(principal, boardId, 'board.view');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  const onlyUserId = can(role, 'readiness.view-all') ? null : principal.userId;
  return NextResponse.json({ readiness: await listReadiness(boardId, attempt.number, onlyUserId) });
});

export const PUT = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'readiness.confirm-own');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  requireNotFrozen(attempt);
  await confirmReadiness(principal, boardId, attempt.number, await readJson(req, ConfirmReadinessSchema));
  return NextResponse.json({ ok: true });
});
