import type BetterSqlite3 from 'better-sqlite3';
import { packCheckpoint } from './checkpoint-parts';

/**
 * The write side of a document's persistence: the append-only update log and its checkpoints.
 * (Reading the log back, for loading and for history, lives in server/update-log/rebuild.ts.)
 * Everything is synchronous better-sqlite3: an append is committed (WAL) before the caller goes
 * on to apply and broadcast the update, which is the durability guarantee of the product.
 */
export class UpdateStore {
  private readonly appendStmt: BetterSqlite3.Statement<[AppendRow], { seq: number }>;
  private readonly appendAtStmt: BetterSqlite3.Statement<[AppendRow & { seq: number }]>;
  private readonly removeStmt: BetterSqlite3.Statement<[string, number]>;
  private readonly checkpointStmt: BetterSqlite3.Statement<[string, number, number, Uint8Array, number]>;

  constructor(db: BetterSqlite3.Database) {
    // One statement computes seq and inserts, so it is atomic even if another process
    // appends to the same file; the max over checkpoints too keeps seq growing should old
    // log rows ever be pruned.
    this.appendStmt = db.prepare(
      `INSERT INTO doc_updates (doc, seq, at, user_id, bytes)
       SELECT @doc, COALESCE(MAX(m), 0) + 1, @at, @userId, @bytes FROM (
         SELECT MAX(seq) AS m FROM doc_updates WHERE doc = @doc
         UNION ALL SELECT MAX(seq) FROM doc_checkpoints WHERE doc = @doc)
       RETURNING seq`,
    );
    this.appendAtStmt = db.prepare(
      'INSERT INTO doc_updates (doc, seq, at, user_id, bytes) VALUES (@doc, @seq, @at, @userId, @bytes)',
    );
    this.removeStmt = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq = ?');
    this.checkpointStmt = db.prepare(
      'INSERT OR REPLACE INTO doc_checkpoints (doc, seq, at, state, parts) VALUES (?, ?, ?, ?, ?)',
    );
  }

  /** Appends one update and returns its sequence number. */
  append(doc: string, userId: string, bytes: Uint8Array, at: number = Date.now()): number {
    const row = this.appendStmt.get({ doc, at, userId, bytes });
    if (!row) throw new Error('append returned no row');
    return row.seq;
  }

  /**
   * Appends with a sequence number the caller already knows (a live room keeps its last one):
   * no MAX() over the log and its checkpoints on the hot path. The primary key turns a second
   * writer of the same document into a constraint error instead of a silent clash.
   */
  appendAt(doc: string, seq: number, userId: string, bytes: Uint8Array, at: number = Date.now()): void {
    this.appendAtStmt.run({ doc, seq, at, userId, bytes });
  }

  /** Removes an update that could not be applied; only ever the last one, never broadcast. */
  remove(doc: string, seq: number): void {
    this.removeStmt.run(doc, seq);
  }

  /**
   * Records the merged state including every update with seq <= `seq`, as the updates that
   * make it, in the order they apply (server/yjs/checkpoint-slices.ts).
   */
  writeCheckpoint(doc: string, seq: number, parts: Uint8Array[], at: number = Date.now()): void {
    const row = packCheckpoint(parts);
    this.checkpointStmt.run(doc, seq, at, row.state, row.parts);
  }
}

interface AppendRow {
  doc: string;
  at: number;
  userId: string;
  bytes: Uint8Array;
}
