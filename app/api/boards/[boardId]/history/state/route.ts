import { NextResponse } from 'next/server';
import { z } from 'zod';
import { db } from '@/server/db/connection';
import { parseDocName } from '@/lib/doc-names';
import { requireHistoryAccess, requireInWindow } from '@/server/history/access';
import { docToJSON } from '@/lib/plan/doc-json';
import { rebuildAtSeq, seqAtTime } from '@/server/update-log/rebuild';
import { badRequest, fromZodError, notFound } from '@/server/http/errors';
import { limitHistoryRequests } from '@/server/http/rate-limits';
import { authedRoute, param } from '@/server/http/route';

const QuerySchema = z.object({
  doc: z.string().min(1).max(200),
  seq: z.coerce.number().int().min(0).optional(),
  at: z.coerce.number().int().min(0).optional(),
});

/** A document exactly as it was at a sequence number or a moment, as plain JSON (read-only). */
export const GET = authedRoute(async (req, ctx, principal) => {
  await limitHistoryRequests(principal);
  const boardId = await param(ctx, 'boardId');
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw fromZodError(parsed.error);
  const { doc, seq, at } = parsed.data;
  if ((seq === undefined) === (at === undefined)) throw badRequest('Give exactly one of seq or at.');
  const visible = await requireHistoryAccess(principal, boardId, doc);
  const name = parseDocName(doc);
  if (!name) throw notFound('That document');
  const target = seq ?? (await seqAtTime(db().kysely, doc, at ?? 0));
  requireInWindow(visible, target);
  const rebuilt = await rebuildAtSeq(db().kysely, doc, target);
  try {
    return NextResponse.json({ doc, seq: rebuilt.seq, state: docToJSON(name, rebuilt.doc) });
  } finally {
    rebuilt.doc.destroy();
  }
});
