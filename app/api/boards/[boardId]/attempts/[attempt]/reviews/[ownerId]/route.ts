import { NextResponse } from 'next/server';
import { requireAttempt, requireNotFrozen } from '@/server/attempts/attempts';
import { notFound } from '@/server/http/errors';
import { ReviewLetterSchema } from '@/lib/schemas/letters';
import { authedRoute, param, readJson } from '@/server/http/route';
import { boardRole, isParticipant, requireBoardAction } from '@/server/permissions';
import { reviewLetter } from '@/server/letters/reviews';

/** The interventionist approves a letter or asks for changes with a comment. */
export const PUT = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'letters.review');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  requireNotFrozen(attempt);
  const ownerId = await param(ctx, 'ownerId');
  if (!isParticipant(await boardRole(ownerId, boardId))) throw notFound('That participant');
  const { letter, decision, comment } = await readJson(req, ReviewLetterSchema);
  await reviewLetter(principal, boardId, attempt.number, ownerId, letter, decision, comment);
  return NextResponse.json({ status: decision });
});
