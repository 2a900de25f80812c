import type BetterSqlite3 from 'better-sqlite3';
import { applyStoredParts, type RebuiltDoc, type StoredParts } from '../yjs/storage';
import { unpackCheckpoint } from './checkpoint-parts';

/**
 * History of a Yjs document, read from its update log (doc_updates) and checkpoints
 * (doc_checkpoints). The state at sequence number S is the nearest checkpoint at or before S
 * plus the logged updates after it up to S, applied to a fresh Y.Doc (never Y.mergeUpdates
 * over many updates: it is superlinear).
 *
 * This module does not check access: serve a document's history only to readers of that
 * document (deleted text is still content of the same visibility scope).
 */

export interface ChangeSummary {
  seq: number;
  /** Server time of the update, ms since the epoch. */
  at: number;
  userId: string;
  /** Size of the update in bytes. */
  size: number;
}

interface Statements {
  checkpointAtOrBefore: BetterSqlite3.Statement<[string, number], { seq: number; state: Buffer; parts: number }>;
  updatesBetween: BetterSqlite3.Statement<[string, number, number], { bytes: Buffer }>;
  lastSeq: BetterSqlite3.Statement<[string], { seq: number | null }>;
  lastSeqAtOrBeforeTime: BetterSqlite3.Statement<[string, number], { seq: number | null }>;
  changes: BetterSqlite3.Statement<[string, number, number], ChangeSummary>;
}

// Prepared once per connection: better-sqlite3 does not cache statements itself.
const statementCache = new WeakMap<BetterSqlite3.Database, Statements>();

function statements(db: BetterSqlite3.Database): Statements {
  let cached = statementCache.get(db);
  if (!cached) {
    cached = {
      checkpointAtOrBefore: db.prepare(
        'SELECT seq, state, parts FROM doc_checkpoints WHERE doc = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
      ),
      updatesBetween: db.prepare('SELECT bytes FROM doc_updates WHERE doc = ? AND seq > ? AND seq <= ? ORDER BY seq'),
      lastSeq: db.prepare('SELECT MAX(seq) AS seq FROM doc_updates WHERE doc = ?'),
      lastSeqAtOrBeforeTime: db.prepare('SELECT MAX(seq) AS seq FROM doc_updates WHERE doc = ? AND at <= ?'),
      changes: db.prepare(
        `SELECT seq, at, user_id AS userId, length(bytes) AS size FROM doc_updates
         WHERE doc = ? AND seq > ? ORDER BY seq LIMIT ?`,
      ),
    };
    statementCache.set(db, cached);
  }
  return cached;
}

/** The last logged sequence number of a document, 0 when it has none. */
export function lastSeq(db: BetterSqlite3.Database, docName: string): number {
  return statements(db).lastSeq.get(docName)?.seq ?? 0;
}

/** Reads, without applying, what the state at `seq` (clamped to the end of the log) is made of. */
export function readStoredParts(db: BetterSqlite3.Database, docName: string, seq: number): StoredParts {
  const stmts = statements(db);
  const target = Math.min(Math.max(0, Math.floor(seq)), lastSeq(db, docName));
  const checkpoint = target > 0 ? stmts.checkpointAtOrBefore.get(docName, target) : undefined;
  const parts: Uint8Array[] = checkpoint ? unpackCheckpoint(checkpoint) : [];
  let replayed = 0;
  for (const row of stmts.updatesBetween.iterate(docName, checkpoint?.seq ?? 0, target)) {
    parts.push(row.bytes);
    replayed++;
  }
  return { parts, seq: target, checkpointSeq: checkpoint?.seq ?? 0, replayed };
}

/** The state including every update with seq <= `seq` (clamped to the end of the log). */
export function rebuildAtSeq(db: BetterSqlite3.Database, docName: string, seq: number): RebuiltDoc {
  return applyStoredParts(readStoredParts(db, docName, seq));
}

/**
 * The state at a moment: every update up to the last one logged at or before `at` (ms).
 * Sequence numbers, not timestamps, define the order, so a server clock that stepped back
 * cannot produce a state that never existed.
 */
export function rebuildAtTime(db: BetterSqlite3.Database, docName: string, at: number): RebuiltDoc {
  return rebuildAtSeq(db, docName, seqAtTime(db, docName, at));
}

/** The sequence number of the state at a moment (ms): the last update logged at or before it, 0 if none. */
export function seqAtTime(db: BetterSqlite3.Database, docName: string, at: number): number {
  return statements(db).lastSeqAtOrBeforeTime.get(docName, at)?.seq ?? 0;
}

/** The current state: latest checkpoint plus the updates after it. */
export function rebuildLatest(db: BetterSqlite3.Database, docName: string): RebuiltDoc {
  return rebuildAtSeq(db, docName, Number.MAX_SAFE_INTEGER);
}

export const MAX_CHANGES_PAGE = 1000;

/** One page of the log's metadata (never the bytes), oldest first, after `afterSeq`. */
export function listChanges(
  db: BetterSqlite3.Database,
  docName: string,
  options: { afterSeq?: number; limit?: number } = {},
): ChangeSummary[] {
  const afterSeq = Math.max(0, Math.floor(options.afterSeq ?? 0));
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? 100)), MAX_CHANGES_PAGE);
  return statements(db).changes.all(docName, afterSeq, limit);
}
