import { sql } from 'kysely';
import type { Tx } from '../db/immediate';
import { applyStoredParts, type RebuiltDoc, type StoredParts } from '../yjs/storage';
import { unpackCheckpoint } from './checkpoint-parts';

/**
 * History of a Yjs document, read from its update log (doc_updates) and checkpoints
 * (doc_checkpoints). The state at sequence number S is the nearest checkpoint at or before S
 * plus the logged updates after it up to S, applied to a fresh Y.Doc (never Y.mergeUpdates
 * over many updates: it is superlinear).
 *
 * Every function takes the query layer first: `db().kysely`, or a transaction when the caller
 * needs several reads from one state (readConsistently in server/db/immediate.ts). A single
 * document's state needs none: the log is append-only, so once its end is read, the checkpoint
 * at or before it and the updates after that checkpoint up to it are what they were, whatever
 * is appended meanwhile (a checkpoint written meanwhile holds the same state as the updates it
 * replaced).
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

/** The last logged sequence number of a document, 0 when it has none. */
export async function lastSeq(q: Tx, docName: string): Promise<number> {
  const row = await q
    .selectFrom('doc_updates')
    .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
    .where('doc', '=', docName)
    .executeTakeFirst();
  return row?.seq ?? 0;
}

/**
 * Reads, without applying, what the state at `seq` (clamped to the end of the log) is made of.
 * The sync process's storage (server/update-log/sqlite-storage.ts) loads a room with
 * `readStoredParts(db().kysely, name, Number.MAX_SAFE_INTEGER)`: keep this signature.
 */
export async function readStoredParts(q: Tx, docName: string, seq: number): Promise<StoredParts> {
  const target = Math.min(Math.max(0, Math.floor(seq)), await lastSeq(q, docName));
  const checkpoint =
    target > 0
      ? await q
          .selectFrom('doc_checkpoints')
          .select(['seq', 'state', 'parts'])
          .where('doc', '=', docName)
          .where('seq', '<=', target)
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined;
  const checkpointSeq = checkpoint?.seq ?? 0;
  const updates = await q
    .selectFrom('doc_updates')
    .select('bytes')
    .where('doc', '=', docName)
    .where('seq', '>', checkpointSeq)
    .where('seq', '<=', target)
    .orderBy('seq')
    .execute();
  const parts: Uint8Array[] = checkpoint ? unpackCheckpoint(checkpoint) : [];
  for (const row of updates) parts.push(row.bytes);
  return { parts, seq: target, checkpointSeq, replayed: updates.length };
}

/** The state including every update with seq <= `seq` (clamped to the end of the log). */
export async function rebuildAtSeq(q: Tx, docName: string, seq: number): Promise<RebuiltDoc> {
  return applyStoredParts(await readStoredParts(q, docName, seq));
}

/**
 * The state at a moment: every update up to the last one logged at or before `at` (ms).
 * Sequence numbers, not timestamps, define the order, so a server clock that stepped back
 * cannot produce a state that never existed.
 */
export async function rebuildAtTime(q: Tx, docName: string, at: number): Promise<RebuiltDoc> {
  return rebuildAtSeq(q, docName, await seqAtTime(q, docName, at));
}

/** The sequence number of the state at a moment (ms): the last update logged at or before it, 0 if none. */
export async function seqAtTime(q: Tx, docName: string, at: number): Promise<number> {
  const row = await q
    .selectFrom('doc_updates')
    .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
    .where('doc', '=', docName)
    .where('at', '<=', at)
    .executeTakeFirst();
  return row?.seq ?? 0;
}

/** The current state: latest checkpoint plus the updates after it. */
export async function rebuildLatest(q: Tx, docName: string): Promise<RebuiltDoc> {
  return rebuildAtSeq(q, docName, Number.MAX_SAFE_INTEGER);
}

export const MAX_CHANGES_PAGE = 1000;

/** One page of the log's metadata (never the bytes), oldest first, after `afterSeq`. */
export async function listChanges(
  q: Tx,
  docName: string,
  options: { afterSeq?: number; limit?: number } = {},
): Promise<ChangeSummary[]> {
  const afterSeq = Math.max(0, Math.floor(options.afterSeq ?? 0));
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? 100)), MAX_CHANGES_PAGE);
  return q
    .selectFrom('doc_updates')
    .select([
      'seq',
      'at',
      'user_id as userId',
      // The size in the database, so the bytes stay there: octet_length is the byte length of a
      // BLOB on SQLite (since 3.43; better-sqlite3 bundles a later one) and of a BYTEA on
      // PostgreSQL, which has no length() of bytes.
      sql<number>`octet_length(${sql.ref('bytes')})`.as('size'),
    ])
    .where('doc', '=', docName)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}
