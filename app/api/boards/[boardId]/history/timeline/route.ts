import { NextResponse } from 'next/server';
import { db } from '@/server/db/connection';
import { firstPageAfter, requireHistoryAccess } from '@/server/history/access';
import { readHistoryPageQuery } from '@/server/history/query';
import { timelinePage } from '@/server/history/timeline';
import { limitHistoryRequests } from '@/server/http/rate-limits';
import { authedRoute, param } from '@/server/http/route';

/** A page of a document's changes with the fields each one touched, for the timeline. */
export const GET = authedRoute(async (req, ctx, principal) => {
  await limitHistoryRequests(principal);
  const boardId = await param(ctx, 'boardId');
  const { doc, afterSeq, limit } = readHistoryPageQuery(req);
  const visible = await requireHistoryAccess(principal, boardId, doc);
  const entries = await timelinePage(db().kysely, doc, firstPageAfter(visible, afterSeq), limit);
  return NextResponse.json({ doc, from: visible.from, entries });
});
