import { NextResponse } from 'next/server';
import { db } from '@/lib/db/connection';
import { requireHistoryAccess } from '@/lib/history/access';
import { readHistoryPageQuery } from '@/lib/history/query';
import { listChanges } from '@/lib/history/rebuild';
import { authedRoute, param } from '@/lib/http/route';

/** One page of a document's change log: who, when, how big. Never the bytes. */
export const GET = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  const { doc, afterSeq, limit } = readHistoryPageQuery(req);
  await requireHistoryAccess(principal, boardId, doc);
  return NextResponse.json({ doc, changes: listChanges(db().sqlite, doc, { afterSeq, limit }) });
});
