import { NextResponse } from 'next/server';
import { requireAttempt } from '@/lib/boards/attempts';
import { listLetters } from '@/lib/boards/letters';
import { authedRoute, param } from '@/lib/http/route';
import { requireBoardAction } from '@/lib/permissions';

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'board.view');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  return NextResponse.json({ letters: await listLetters(principal, boardId, attempt.number) });
});
