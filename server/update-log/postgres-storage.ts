import { sql, type Kysely } from 'kysely';
import { parseDocName } from '../../lib/doc-names';
import type { Database } from '../db/schema';
import type { DocStorage, StoredParts } from '../yjs/storage';
import { packCheckpoint } from './checkpoint-parts';
import { readStoredParts } from './rebuild';

interface UpdateRow {
  doc: string;
  seq: number;
  at: number;
  user_id: string;
  bytes: Uint8Array;
}

interface CheckpointRow {
  doc: string;
  seq: number;
  at: number;
  parts: Uint8Array[];
}

/** What one transaction writes: the turn's appends, and the checkpoints made meanwhile. */
interface Writes {
  updates: UpdateRow[];
  checkpoints: CheckpointRow[];
}

export interface PostgresDocStorage extends DocStorage {
  drain(): Promise<void>;
}

/**
 * The leases the appends are fenced by (server/sync/board-leases.ts): a write stores anything
 * only while this process holds the current epoch of every board it writes to.
 */
export interface AppendFence {
  owner: string;
  epochOf(boardId: string): number | undefined;
  /** Boards whose lease another process holds now: their rooms must go. */
  stale(boardIds: string[]): void;
}

/** A write refused because another process serves these boards now; nothing of it was stored. */
export class StaleLeaseError extends Error {
  constructor(readonly boardIds: string[]) {
    super(`the lease of ${boardIds.join(', ')} is held by another process`);
    this.name = 'StaleLeaseError';
  }
}

/**
 * The sync server's storage on PostgreSQL. The rooms call it as they call the SQLite one, in
 * the turn they handle messages; here the calls made inside `transaction` are gathered and go
 * in one transaction over the network (one multi-row insert of the turn's appends), whose
 * promise the turn's batch awaits before it sends anything (server/yjs/turn-batch.ts).
 *
 * Writes run one after another, in the order they were handed over: a checkpoint written as a
 * room is let go lands after the appends it includes, and a read waits for the writes before
 * it, so a room loaded again right after it was let go starts from everything it had.
 */
export function postgresDocStorage(kysely: Kysely<Database>, fence?: AppendFence): PostgresDocStorage {
  let open: Writes | null = null;
  let chain: Promise<void> = Promise.resolve();

  /** Queues `writes` after every earlier one; the promise is this one's outcome. */
  function enqueue(writes: Writes): Promise<void> {
    const run = chain.then(() => write(kysely, writes, fence));
    // The next write runs whatever became of this one: the batch reports a failure itself.
    chain = run.catch(() => undefined);
    return run;
  }

  /** Outside a transaction (a checkpoint as a room is let go): a write of its own. */
  function alone(writes: Writes): void {
    enqueue(writes).catch((error: unknown) => {
      // The log still holds every update; a lost checkpoint only makes the next load longer.
      console.error('update log: a checkpoint was not stored', String(error));
    });
  }

  return {
    async readLatest(docName: string): Promise<StoredParts> {
      await chain;
      return kysely
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute((tx) => readStoredParts(tx, docName, Number.MAX_SAFE_INTEGER));
    },
    appendAt(docName, seq, userId, bytes) {
      const row = { doc: docName, seq, at: Date.now(), user_id: userId, bytes };
      if (open) open.updates.push(row);
      else alone({ updates: [row], checkpoints: [] });
    },
    remove(docName, seq) {
      // Only ever the update just appended, in the same batch: it is simply not written.
      if (open) open.updates = open.updates.filter((row) => !(row.doc === docName && row.seq === seq));
    },
    writeCheckpoint(docName, seq, parts) {
      const row = { doc: docName, seq, at: Date.now(), parts };
      if (open) open.checkpoints.push(row);
      else alone({ updates: [], checkpoints: [row] });
    },
    transaction(work) {
      const writes: Writes = { updates: [], checkpoints: [] };
      open = writes;
      try {
        work();
      } finally {
        open = null;
      }
      // A turn of presence and sync steps writes nothing: its sends need not wait for a round trip.
      if (writes.updates.length === 0 && writes.checkpoints.length === 0) return;
      return enqueue(writes);
    },
    drain: () => chain,
  };
}

/** The most rows one INSERT carries: PostgreSQL takes at most 65,535 parameters, five a row. */
const ROWS_PER_INSERT = 10_000;

async function write(kysely: Kysely<Database>, writes: Writes, fence: AppendFence | undefined): Promise<void> {
  const boards = fence ? boardsOf(writes) : [];
  const refused = await kysely.transaction().execute(async (tx): Promise<string[]> => {
    if (fence) {
      const stale = await staleBoards(tx, fence, boards);
      if (stale.length > 0) return stale;
    }
    for (let from = 0; from < writes.updates.length; from += ROWS_PER_INSERT) {
      await tx
        .insertInto('doc_updates')
        .values(writes.updates.slice(from, from + ROWS_PER_INSERT))
        .execute();
    }
    for (const checkpoint of writes.checkpoints) {
      const row = packCheckpoint(checkpoint.parts);
      await tx
        .insertInto('doc_checkpoints')
        .values({ doc: checkpoint.doc, seq: checkpoint.seq, at: checkpoint.at, state: row.state, parts: row.parts })
        .onConflict((conflict) =>
          conflict.columns(['doc', 'seq']).doUpdateSet({ at: checkpoint.at, state: row.state, parts: row.parts }),
        )
        .execute();
    }
    return [];
  });
  if (refused.length > 0) {
    fence?.stale(refused);
    throw new StaleLeaseError(refused);
  }
}

/** The boards a write touches; a document of no board cannot be fenced, so it is never written. */
function boardsOf(writes: Writes): string[] {
  const boards = new Set<string>();
  for (const row of [...writes.updates, ...writes.checkpoints]) {
    const name = parseDocName(row.doc);
    if (!name) throw new Error(`${row.doc} is not a document of a board`);
    boards.add(name.boardId);
  }
  return [...boards];
}

/**
 * The boards of this write whose lease this process does not hold at its epoch. The rows it
 * does hold are locked FOR SHARE until the commit: a takeover (an UPDATE of the row) waits for
 * this write to commit, and the new owner, which loads after its takeover, reads what it stored.
 */
async function staleBoards(tx: Kysely<Database>, fence: AppendFence, boards: string[]): Promise<string[]> {
  const pairs = boards.flatMap((boardId) => {
    const epoch = fence.epochOf(boardId);
    return epoch === undefined ? [] : [sql`(${boardId}, ${epoch}::bigint)`];
  });
  const held = new Set<string>();
  if (pairs.length > 0) {
    const rows = await sql<{ board_id: string }>`
      SELECT board_id FROM board_leases
      WHERE owner = ${fence.owner} AND (board_id, epoch) IN (${sql.join(pairs)})
      FOR SHARE`.execute(tx);
    for (const row of rows.rows) held.add(row.board_id);
  }
  return boards.filter((boardId) => !held.has(boardId));
}
