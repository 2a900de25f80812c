import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireNotFrozen } from '@/lib/boards/attempt-guard';
import { requireAttempt } from '@/lib/boards/attempts';
import { authedRoute, param, readJson } from '@/lib/http/route';
import { requireBoardAction } from '@/lib/permissions';
import { listReviews, submitLetter } from '@/lib/review/reviews';

const SubmitSchema = z.object({ letter: z.enum(['impact', 'bottomLine']) });

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'board.view');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  return NextResponse.json({ reviews: await listReviews(principal, boardId, attempt.number) });
});

/** A participant submits their own letter for the interventionist's review. */
export const POST = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'letters.submit-own');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  requireNotFrozen(attempt);
  const { letter } = await readJson(req, SubmitSchema);
  await submitLetter(principal, boardId, attempt.number, letter);
  return NextResponse.json({ status: 'submitted' });
});
