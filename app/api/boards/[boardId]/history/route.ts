import { NextResponse } from 'next/server';
import { z } from 'zod';
import { db } from '@/lib/db/connection';
import { requireHistoryAccess } from '@/lib/history/access';
import { listChanges, MAX_CHANGES_PAGE } from '@/lib/history/rebuild';
import { authedRoute, param } from '@/lib/http/route';
import { fromZodError } from '@/lib/http/errors';

const QuerySchema = z.object({
  doc: z.string().min(1).max(200),
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_CHANGES_PAGE).default(200),
});

/** One page of a document's change log: who, when, how big. Never the bytes. */
export const GET = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw fromZodError(parsed.error);
  const { doc, afterSeq, limit } = parsed.data;
  await requireHistoryAccess(principal, boardId, doc);
  return NextResponse.json({ doc, changes: listChanges(db().sqlite, doc, { afterSeq, limit }) });
});
