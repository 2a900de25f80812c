import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireNotFrozen } from '@/lib/boards/attempt-guard';
import { requireAttempt } from '@/lib/boards/attempts';
import { notFound } from '@/lib/http/errors';
import { authedRoute, param, readJson } from '@/lib/http/route';
import { boardRole, requireBoardAction } from '@/lib/permissions';
import { reviewLetter } from '@/lib/review/reviews';

const ReviewSchema = z.object({
  letter: z.enum(['impact', 'bottomLine']),
  decision: z.enum(['approved', 'changes-requested']),
  comment: z.string().trim().max(4000).default(''),
});

/** The interventionist approves a letter or asks for changes with a comment. */
export const PUT = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'letters.review');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  requireNotFrozen(attempt);
  const ownerId = await param(ctx, 'ownerId');
  const ownerRole = await boardRole(ownerId, boardId);
  if (ownerRole === null || ownerRole === 'viewer') throw notFound('That participant');
  const { letter, decision, comment } = await readJson(req, ReviewSchema);
  await reviewLetter(principal, boardId, attempt.number, ownerId, letter, decision, comment);
  return NextResponse.json({ status: decision });
});
