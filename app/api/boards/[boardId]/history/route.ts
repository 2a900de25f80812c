import { NextResponse } from 'next/server';
import { db } from '@/server/db/connection';
import { firstPageAfter, requireHistoryAccess } from '@/server/history/access';
import { readHistoryPageQuery } from '@/server/history/query';
import { listChanges } from '@/server/update-log/rebuild';
import { limitHistoryRequests } from '@/server/http/rate-limits';
import { authedRoute, param } from '@/server/http/route';

/** One page of a document's change log: who, when, how big. Never the bytes. */
export const GET = authedRoute(async (req, ctx, principal) => {
  await limitHistoryRequests(principal);
  const boardId = await param(ctx, 'boardId');
  const { doc, afterSeq, limit } = readHistoryPageQuery(req);
  const visible = await requireHistoryAccess(principal, boardId, doc);
  const changes = await listChanges(db().kysely, doc, { afterSeq: firstPageAfter(visible, afterSeq), limit });
  return NextResponse.json({ doc, from: visible.from, changes });
});
