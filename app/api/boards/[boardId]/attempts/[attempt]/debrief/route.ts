import { NextResponse } from 'next/server';
import { DebriefSchema } from '@/lib/schemas/debrief';
import { getDebrief, saveDebrief } from '@/server/attempts/debrief';
import { requireAttempt } from '@/server/attempts/attempts';
import { authedRoute, param, readJson } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'board.view');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  return NextResponse.json({ debrief: await getDebrief(boardId, attempt.number) });
});

/** The team records what happened; a frozen attempt can still be debriefed. */
export const PUT = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'debrief.edit');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  await saveDebrief(principal, boardId, attempt.number, await readJson(req, DebriefSchema));
  return NextResponse.json({ ok: true });
});
