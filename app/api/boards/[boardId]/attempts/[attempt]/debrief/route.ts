import { NextResponse } from 'next/server';
import { getDebrief } from '@/server/attempts/debrief';
import { requireAttempt } from '@/server/attempts/attempts';
import { formatDocName } from '@/lib/doc-names';
import { authedRoute, param } from '@/server/http/route';
import { notFound } from '@/server/http/errors';
import { docAccess, requireBoardAction } from '@/server/permissions';

/**
 * The debrief as plain JSON, for whoever may read its document. It is written only through its
 * Yjs document (`board/<b>/debrief/<n>`): there is no PUT, because saving a whole record let a
 * stale copy erase what someone else had written.
 */
export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'board.view');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  const name = formatDocName({ kind: 'debrief', boardId, attempt: attempt.number });
  if ((await docAccess(principal, name)) === 'none') throw notFound('That debrief');
  return NextResponse.json({ debrief: await getDebrief(boardId, attempt.number), doc: name });
});
