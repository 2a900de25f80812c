import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireNotFrozen } from '@/lib/boards/attempt-guard';
import { requireAttempt } from '@/lib/boards/attempts';
import { authedRoute, param, readJson } from '@/lib/http/route';
import { can, requireBoardAction } from '@/lib/permissions';
import { confirmReadiness, listReadiness } from '@/lib/readiness/readiness';

const Confirmation = z.enum(['yes', 'unsure', 'no']);
const ConfirmSchema = z.object({ attending: Confirmation, holding: Confirmation, note: z.string().trim().max(2000).default('') });

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
  await confirmReadiness(principal, boardId, attempt.number, await readJson(req, ConfirmSchema));
  return NextResponse.json({ ok: true });
});
