import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DocStorage, StoredParts } from '../yjs/storage';
import type { Principal } from '../yjs/types';
import { boardsOf, fenceVerdict, StaleLeaseError, WriterRefusedError, type AppendFence } from './append-fence';

export { StaleLeaseError, WriterRefusedError, type AppendFence };
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
  /** The socket each update came from, for the fence (a server edit has none). */
  writers: Map<UpdateRow, Principal>;
}

const nothing = (): Writes => ({ updates: [], checkpoints: [], writers: new Map() });

export interface PostgresDocStorage extends DocStorage {
  drain(): Promise<void>;
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
    appendAt(docName, seq, userId, bytes, writer) {
      const row = { doc: docName, seq, at: Date.now(), user_id: userId, bytes };
      const writes = open ?? nothing();
      writes.updates.push(row);
      if (writer) writes.writers.set(row, writer);
      if (!open) alone(writes);
    },
    remove(docName, seq) {
      // Only ever the update just appended, in the same batch: it is simply not written.
      if (open) open.updates = open.updates.filter((row) => !(row.doc === docName && row.seq === seq));
    },
    writeCheckpoint(docName, seq, parts) {
      const row = { doc: docName, seq, at: Date.now(), parts };
      if (open) open.checkpoints.push(row);
      else alone({ ...nothing(), checkpoints: [row] });
    },
    transaction(work) {
      const writes = nothing();
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
  const fenced = writes.updates.map((row) => ({ doc: row.doc, writer: writes.writers.get(row) }));
  const boards = fence ? boardsOf([...writes.updates, ...writes.checkpoints].map((row) => row.doc)) : [];
  const verdict = await kysely.transaction().execute(async (tx) => {
    const verdict = fence ? await fenceVerdict(tx, fence, fenced, boards) : null;
    if (verdict && (verdict.stale.length > 0 || verdict.refused.length > 0)) return verdict;
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
    return verdict;
  });
  if (!verdict || !fence) return;
  if (verdict.stale.length > 0) {
    fence.stale(verdict.stale);
    throw new StaleLeaseError(verdict.stale);
  }
  // Stored or not, the boards' sockets are checked again, and their version recorded after.
  if (verdict.moved.length > 0) fence.accessMoved(verdict.moved);
  if (verdict.refused.length > 0) {
    // Told first: the batch's failure then closes their rooms for everyone else (1011).
    fence.writersRefused(verdict.refused);
    throw new WriterRefusedError(verdict.moved);
  }
}
