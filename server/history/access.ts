import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { parseDocName } from '../../lib/doc-names';
import { HttpError, notFound } from '../http/errors';
import { historyScope } from '../permissions';
import { seqAtTime } from '../update-log/rebuild';

/** The first state of a document's history a caller may see, and when it began. */
export interface HistoryStart {
  seq: number;
  at: number;
}

/**
 * The part of a document's history one caller may read: everything (`from` null), or only
 * from the state at `from.seq` on (letters read because they were shared: the state they were
 * shared in, and every change since).
 */
export interface HistoryWindow {
  from: HistoryStart | null;
}

/**
 * History is served only to those who may read the document now: deleted text is still text of
 * that scope. A document of another board, or one the caller may not read, is "not found".
 * Who sees how far back is decided by the permission function (historyScope); this turns the
 * moment letters were shared into the sequence number of the state they were shared in.
 */
export async function requireHistoryAccess(
  principal: Principal,
  boardId: string,
  docName: string,
): Promise<HistoryWindow> {
  const doc = parseDocName(docName);
  if (!doc || doc.boardId !== boardId) throw notFound('That document');
  const scope = await historyScope(principal, docName);
  if (scope === null) throw notFound('That document');
  if (scope.from === 'beginning') return { from: null };
  // The log orders by sequence number; its times come from the same clock as shared_at, so the
  // last update logged at or before the sharing is the last one the shared state holds.
  return { from: { seq: await seqAtTime(db().kysely, docName, scope.sharedAt), at: scope.sharedAt } };
}

/** Where a page of changes starts: never at a change before the window. */
export function firstPageAfter(window: HistoryWindow, afterSeq: number): number {
  return Math.max(afterSeq, window.from?.seq ?? 0);
}

/** Refuses a state before the window: the drafts before a sharing are not part of it. */
export function requireInWindow(window: HistoryWindow, seq: number): void {
  if (window.from !== null && seq < window.from.seq)
    throw new HttpError(
      404,
      'not_found',
      'That moment is from before these letters were shared: only their writer and the interventionist can see it.',
    );
}
