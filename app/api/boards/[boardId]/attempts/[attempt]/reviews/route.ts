import { NextResponse } from 'next/server';
import { requireAttempt, requireNotFrozen } from '@/server/attempts/attempts';
import { SubmitLetterSchema } from '@/lib/schemas/letters';
import { authedRoute, param, readJson } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';
import { listReviews, submitLetter } from '@/server/letters/reviews';

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
  const { letter } = await readJson(req, SubmitLetterSchema);
  await submitLetter(principal, boardId, attempt.number, letter);
  return NextResponse.json({ status: 'submitted' });
});
