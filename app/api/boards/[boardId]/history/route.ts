import { NextResponse } from 'next/server';
import { db } from '@/server/db/connection';
import { requireHistoryAccess } from '@/server/history/access';
import { readHistoryPageQuery } from '@/server/history/query';
import { listChanges } from '@/server/update-log/rebuild';
import { limitHistoryRequests } from '@/server/http/rate-limits';
import { authedRoute, param } from '@/server/http/route';

/** One page of a document's change log: who, when, how big. Never the bytes. */
export const GET = authedRoute(async (req, ctx, principal) => {
  await limitHistoryRequests(principal);
  const boardId = await param(ctx, 'boardId');
  const { doc, afterSeq, limit } = readHistoryPageQuery(req);
  await requireHistoryAccess(principal, boardId, doc);
  return NextResponse.json({ doc, changes: listChanges(db().sqlite, doc, { afterSeq, limit }) });
});
