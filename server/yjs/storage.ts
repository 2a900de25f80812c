import * as Y from 'yjs';
import type { Principal } from './types';

/**
 * What the sync server needs from storage, handed in by its host (server/sync/main.ts passes
 * server/update-log/sqlite-storage.ts or postgres-storage.ts). The rooms import no database:
 * the same server runs on either store, and its tests can hand in a store that fails on purpose.
 *
 * Appends are made inside `transaction`, which commits them together. On SQLite everything is
 * synchronous: an update is logged before it is applied and broadcast, within the turn that
 * received it. On PostgreSQL reads and the commit complete later: the turn's batch holds every
 * send until the commit lands (turn-batch.ts), so nobody is sent anything of an update that is
 * not stored either way.
 */
export interface DocStorage {
  /** What the latest state of a document is made of (checkpoint and the updates after it). */
  readLatest(docName: string): StoredParts | Promise<StoredParts>;
  /**
   * Appends an update at the sequence number after the room's last one; throws on a clash.
   * `writer` is the principal of the socket it came from (none for a server edit): PostgreSQL
   * asks the permission function about it again when the board's access narrowed meanwhile.
   */
  appendAt(docName: string, seq: number, userId: string, bytes: Uint8Array, writer?: Principal): void;
  /** Removes an update that could not be applied; only ever the last one, never broadcast. */
  remove(docName: string, seq: number): void;
  /**
   * Records the merged state including every update with seq <= `seq`, as updates that apply
   * in order (checkpoint-slices.ts); readLatest gives them back in that order.
   */
  writeCheckpoint(docName: string, seq: number, parts: Uint8Array[]): void;
  /**
   * Runs `work` (which appends, removes and checkpoints) in one transaction: committed before
   * it returns, or by the time the promise it returns resolves; throws, or rejects, when the
   * commit fails.
   */
  transaction(work: () => void): void | Promise<void>;
  /** Resolves once every write handed over so far is stored or has failed (shutdown). */
  drain?(): Promise<void>;
}

/** The stored bytes a state is made of: a checkpoint (if any) first, then the updates after it. */
export interface StoredParts {
  parts: Uint8Array[];
  seq: number;
  checkpointSeq: number;
  replayed: number;
}

export interface RebuiltDoc {
  /** The rebuilt document (gc on); the caller turns it into JSON and destroys it. */
  doc: Y.Doc;
  /** Last sequence number included in the state; 0 for an empty document. */
  seq: number;
  /** Sequence number of the checkpoint the rebuild started from; 0 when it started empty. */
  checkpointSeq: number;
  /** How many logged updates were applied on top of the checkpoint. */
  replayed: number;
}

/** Applies stored parts to a fresh document, in one turn (history, a broken room's reload). */
export function applyStoredParts(stored: StoredParts): RebuiltDoc {
  const doc = new Y.Doc({ gc: true });
  try {
    // One transaction for the whole replay: observers (none here) and cleanup run once.
    doc.transact(() => {
      for (const part of stored.parts) Y.applyUpdate(doc, part);
    });
  } catch (error) {
    doc.destroy();
    throw error;
  }
  return rebuilt(doc, stored);
}

/** Thrown by a load that was given up (its board deleted, the server shutting down). */
/**
 * A write the store refused whole, by its own rule rather than by failing (PostgreSQL's access
 * fence: a writer in it had lost write access when it was committed). Nothing of it was stored
 * and the store works: the rooms it touched are reloaded from it at once, their other sockets
 * moving on as after a broken update, instead of being closed.
 */
export class WriteRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteRefusedError';
  }
}

export class LoadCancelledError extends Error {
  constructor(readonly docName: string) {
    super(`loading ${docName} was given up`);
    this.name = 'LoadCancelledError';
  }
}

/** How a load across turns went, for the log. */
export interface LoadTurns {
  turns: number;
  /** The longest a turn of it held the thread. */
  longestMs: number;
  /** The checkpoint was one update larger than a slice (written before checkpoints were sliced). */
  unslicedCheckpoint: boolean;
}

/** A one-part checkpoint above this size was written whole: rewritten as slices, it loads in smaller steps. */
const LARGEST_WHOLE_CHECKPOINT = 64 * 1024;

/**
 * Applies stored parts to a fresh document a batch per turn, starting in the next turn: each
 * turn applies parts until `turnMs` have passed, then yields (setImmediate), so that other
 * rooms' messages, pings and sends pass in between. One part is never split: a checkpoint is
 * stored as slices that each apply in a few milliseconds (checkpoint-slices.ts). `read` is
 * called in the first turn (a join passes what it has just read and sent); `cancelled` is
 * asked before every turn.
 */
export async function applyStoredPartsInTurns(
  docName: string,
  read: () => StoredParts | Promise<StoredParts>,
  turnMs: number,
  cancelled: () => boolean,
): Promise<RebuiltDoc & LoadTurns> {
  await nextTurn();
  if (cancelled()) throw new LoadCancelledError(docName);
  const stored = await read();
  if (cancelled()) throw new LoadCancelledError(docName);
  const doc = new Y.Doc({ gc: true });
  let next = 0;
  let turns = 0;
  let longestMs = 0;
  let lastPartMs = 0;
  try {
    for (;;) {
      const started = performance.now();
      doc.transact(() => {
        let applied = 0;
        while (next < stored.parts.length) {
          // The next part is taken to cost what the last one did: a turn stops before it would
          // run past the budget rather than after (one part is always applied).
          if (applied > 0 && performance.now() - started + lastPartMs > turnMs) break;
          const part = stored.parts[next];
          next++;
          const partStarted = performance.now();
          if (part) Y.applyUpdate(doc, part);
          lastPartMs = performance.now() - partStarted;
          applied++;
        }
      });
      turns++;
      longestMs = Math.max(longestMs, performance.now() - started);
      if (next >= stored.parts.length) break;
      await nextTurn();
      if (cancelled()) throw new LoadCancelledError(docName);
    }
  } catch (error) {
    doc.destroy();
    throw error;
  }
  const checkpointParts = stored.checkpointSeq > 0 ? stored.parts.length - stored.replayed : 0;
  const unslicedCheckpoint = checkpointParts === 1 && (stored.parts[0]?.length ?? 0) > LARGEST_WHOLE_CHECKPOINT;
  return { ...rebuilt(doc, stored), turns, longestMs, unslicedCheckpoint };
}

function rebuilt(doc: Y.Doc, stored: StoredParts): RebuiltDoc {
  return { doc, seq: stored.seq, checkpointSeq: stored.checkpointSeq, replayed: stored.replayed };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
