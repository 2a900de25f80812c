import type BetterSqlite3 from 'better-sqlite3';
import type { DocStorage, StoredParts } from '../yjs/storage';
import { unpackCheckpoint } from './checkpoint-parts';
import { UpdateStore } from './update-store';

/**
 * The sync server's storage on the SQLite update log (doc_updates and doc_checkpoints), on the
 * raw connection: synchronous, so a join to a room nobody has open is sent the stored state in
 * the turn it is read, and each turn's appends commit before the turn ends. (Everything else
 * reads the log through Kysely, server/update-log/rebuild.ts; this is the same read, kept
 * synchronous for the sync process's hot path.)
 */
export function sqliteDocStorage(sqlite: BetterSqlite3.Database): DocStorage {
  const store = new UpdateStore(sqlite);
  const inTransaction = sqlite.transaction((work: () => void) => work());
  const readLatest = latestReader(sqlite);
  return {
    readLatest: (docName) => readLatest(docName),
    appendAt: (docName, seq, userId, bytes) => store.appendAt(docName, seq, userId, bytes),
    remove: (docName, seq) => store.remove(docName, seq),
    writeCheckpoint: (docName, seq, parts) => store.writeCheckpoint(docName, seq, parts),
    transaction: (work) => inTransaction(work),
  };
}

/**
 * Reads the latest stored state of a document synchronously: its newest checkpoint and the
 * updates after it, in one read transaction (so of the same moment).
 */
export function latestReader(sqlite: BetterSqlite3.Database): (docName: string) => StoredParts {
  const latestCheckpoint = sqlite.prepare<[string], { seq: number; state: Buffer; parts: number }>(
    'SELECT seq, state, parts FROM doc_checkpoints WHERE doc = ? ORDER BY seq DESC LIMIT 1',
  );
  const updatesAfter = sqlite.prepare<[string, number], { seq: number; bytes: Buffer }>(
    'SELECT seq, bytes FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
  );
  return sqlite.transaction((docName: string): StoredParts => {
    const checkpoint = latestCheckpoint.get(docName);
    const parts: Uint8Array[] = checkpoint ? unpackCheckpoint(checkpoint) : [];
    let seq = checkpoint?.seq ?? 0;
    let replayed = 0;
    for (const row of updatesAfter.iterate(docName, seq)) {
      parts.push(row.bytes);
      seq = row.seq;
      replayed++;
    }
    return { parts, seq, checkpointSeq: checkpoint?.seq ?? 0, replayed };
  });
}
