import type BetterSqlite3 from 'better-sqlite3';
import * as Y from 'yjs';
import { formatDocName } from '../../lib/doc-names';
import { lastSeq, rebuildLatest } from '../update-log/rebuild';
import type { UpdateStore } from '../update-log/update-store';

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

/** The letters documents of an attempt: every participant who has written one. */
function lettersDocs(sqlite: BetterSqlite3.Database, boardId: string, attempt: number): string[] {
  const prefix = `board/${boardId}/letters/${attempt}/`;
  const rows = sqlite
    .prepare<[string, string], { doc: string }>('SELECT DISTINCT doc FROM doc_updates WHERE doc >= ? AND doc < ?')
    .all(prefix, `${prefix}\uffff`);
  return rows.map((row) => row.doc).sort();
}

function copyOf(
  sqlite: BetterSqlite3.Database,
  from: string,
  to: string,
  edit: ((doc: Y.Doc) => void) | undefined,
): StagedCopy {
  const rebuilt = rebuildLatest(sqlite, from);
  try {
    edit?.(rebuilt.doc);
    return { from, to, fromSeq: rebuilt.seq, update: Y.encodeStateAsUpdate(rebuilt.doc) };
  } finally {
    rebuilt.doc.destroy();
  }
}

/**
 * Reads attempt `from`'s plan (changed by `editPlan`) and letters as the first updates of attempt
 * `to`'s documents. One read transaction, so every source is read from the same snapshot; in WAL
 * a reader takes no lock that a writer waits for.
 */
export function prepareCopies(
  sqlite: BetterSqlite3.Database,
  boardId: string,
  from: number,
  to: number,
  editPlan: (doc: Y.Doc) => void,
): StagedCopy[] {
  return sqlite
    .transaction(() => {
      const plan = copyOf(
        sqlite,
        formatDocName({ kind: 'plan', boardId, attempt: from }),
        formatDocName({ kind: 'plan', boardId, attempt: to }),
        editPlan,
      );
      const lettersPrefix = `board/${boardId}/letters/${from}/`;
      const letters = lettersDocs(sqlite, boardId, from).map((doc) => {
        const ownerId = doc.slice(lettersPrefix.length);
        return copyOf(sqlite, doc, formatDocName({ kind: 'letters', boardId, attempt: to, ownerId }), undefined);
      });
      return [plan, ...letters];
    })
    .deferred();
}

/**
 * True when the sources are as `prepareCopies` read them: the same letters documents, each
 * source's log ending at the same seq. Run inside the transaction that writes the copies.
 */
export function copiesStillCurrent(
  sqlite: BetterSqlite3.Database,
  boardId: string,
  from: number,
  copies: readonly StagedCopy[],
): boolean {
  const [plan, ...letters] = copies;
  if (!plan) return false;
  const lettersNow = lettersDocs(sqlite, boardId, from);
  if (lettersNow.join('\n') !== letters.map((copy) => copy.from).join('\n')) return false;
  return copies.every((copy) => lastSeq(sqlite, copy.from) === copy.fromSeq);
}

/** Appends each copy as its document's first update (inside the caller's transaction). */
export function writeCopies(store: UpdateStore, copies: readonly StagedCopy[], userId: string): void {
  for (const copy of copies) store.append(copy.to, userId, copy.update);
}
