import * as Y from 'yjs';
import { formatDocName } from '../../lib/doc-names';
import type { Tx } from '../db/immediate';
import { appendUpdate } from '../update-log/log-writes';
import { lastSeq, rebuildLatest } from '../update-log/rebuild';

/**
 * The documents of attempt n carried over to attempt n+1, in two steps: read and rebuilt first,
 * outside the write lock (a rebuild can take long, and meanwhile the sync process must keep
 * storing every board's edits), then written inside the staging transaction once it has checked
 * that nothing it read has moved since.
 */
export interface StagedCopy {
  from: string;
  to: string;
  /** The source's last logged seq when it was read: the copy holds everything up to it. */
  fromSeq: number;
  /** The source's state, as the first logged update of the new document. */
  update: Uint8Array;
}

/**
 * The letters documents of an attempt: every participant who has written one. A range on the
 * log's primary key (doc, seq); document names are ASCII, so every one under the prefix sorts
 * before prefix + U+FFFF in byte order: SQLite's, and PostgreSQL's with the doc columns collated
 * "C" (migrations-postgres.ts). Sorted here, not by the database, for the same reason.
 */
async function lettersDocs(q: Tx, boardId: string, attempt: number): Promise<string[]> {
  const prefix = `board/${boardId}/letters/${attempt}/`;
  const rows = await q
    .selectFrom('doc_updates')
    .select('doc')
    .distinct()
    .where('doc', '>=', prefix)
    .where('doc', '<', `${prefix}\uffff`)
    .execute();
  return rows.map((row) => row.doc).sort();
}

async function copyOf(q: Tx, from: string, to: string, edit: ((doc: Y.Doc) => void) | undefined): Promise<StagedCopy> {
  const rebuilt = await rebuildLatest(q, from);
  try {
    edit?.(rebuilt.doc);
    return { from, to, fromSeq: rebuilt.seq, update: Y.encodeStateAsUpdate(rebuilt.doc) };
  } finally {
    rebuilt.doc.destroy();
  }
}

/**
 * Reads attempt `from`'s plan (changed by `editPlan`) and letters as the first updates of attempt
 * `to`'s documents. Pass a read transaction (readConsistently in server/db/immediate.ts), so
 * every source is read from the same snapshot: in WAL a reader takes no lock that a writer waits
 * for, and on PostgreSQL a read-only transaction blocks no writer either.
 */
export async function prepareCopies(
  q: Tx,
  boardId: string,
  from: number,
  to: number,
  editPlan: (doc: Y.Doc) => void,
): Promise<StagedCopy[]> {
  const plan = await copyOf(
    q,
    formatDocName({ kind: 'plan', boardId, attempt: from }),
    formatDocName({ kind: 'plan', boardId, attempt: to }),
    editPlan,
  );
  const lettersPrefix = `board/${boardId}/letters/${from}/`;
  const letters: StagedCopy[] = [];
  for (const doc of await lettersDocs(q, boardId, from)) {
    const ownerId = doc.slice(lettersPrefix.length);
    letters.push(await copyOf(q, doc, formatDocName({ kind: 'letters', boardId, attempt: to, ownerId }), undefined));
  }
  return [plan, ...letters];
}

/**
 * True when the sources are as `prepareCopies` read them: the same letters documents, each
 * source's log ending at the same seq. Run inside the transaction that writes the copies.
 */
export async function copiesStillCurrent(
  q: Tx,
  boardId: string,
  from: number,
  copies: readonly StagedCopy[],
): Promise<boolean> {
  const [plan, ...letters] = copies;
  if (!plan) return false;
  const lettersNow = await lettersDocs(q, boardId, from);
  if (lettersNow.join('\n') !== letters.map((copy) => copy.from).join('\n')) return false;
  for (const copy of copies) if ((await lastSeq(q, copy.from)) !== copy.fromSeq) return false;
  return true;
}

/** Appends each copy as its document's first update (inside the caller's transaction). */
export async function writeCopies(q: Tx, copies: readonly StagedCopy[], userId: string): Promise<void> {
  for (const copy of copies) await appendUpdate(q, copy.to, userId, copy.update);
}
