import { NextResponse } from 'next/server';
import { requireAttempt } from '@/server/attempts/attempts';
import { listLetters } from '@/server/letters/letters';
import { authedRoute, param } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'board.view');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  return NextResponse.json({ letters: await listLetters(principal, boardId, attempt.number) });
});
