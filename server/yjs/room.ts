import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSyncUpdate,
  inspectUpdate,
  MalformedMessageError,
  type AwarenessEntry,
} from './protocol';
import { encodeCheckpoint } from './checkpoint-slices';
import { addsNothingNew } from './novelty';
import type { DocStorage, RebuiltDoc } from './storage';
import type { Principal } from './types';

/** What a room needs from a connection: an identity and a way to send bytes. */
export interface RoomMember {
  send(bytes: Uint8Array): void;
}

export type Log = (event: string, detail: Record<string, unknown>) => void;

/** Thrown when an update passed validation but failed while being applied: the doc may be torn. */
export class RoomBrokenError extends Error {
  constructor(
    readonly docName: string,
    cause: unknown,
  ) {
    super(`room ${docName} failed to apply a validated update`, { cause });
    this.name = 'RoomBrokenError';
  }
}

/** Thrown when an update would take its document or its author past the update log's budget. */
export class QuotaExceededError extends Error {
  constructor(readonly docName: string) {
    super(`update refused: ${docName} or its author logged too much in the last hour`);
    this.name = 'QuotaExceededError';
  }
}

/** What the update log may still take, per document and per author (log-quota.ts). */
export interface LogBudget {
  /** Takes `bytes` from both budgets and answers true, or takes nothing and answers false. */
  charge(docName: string, userId: string, bytes: number): boolean;
}

/** A budget that never refuses, for rooms outside the sync server (none today) and tests. */
export const UNLIMITED_LOG: LogBudget = { charge: () => true };

/**
 * One live document: its Y.Doc, its awareness, its members, and the bookkeeping that makes
 * every applied update durable first (log, then apply, then broadcast) and checkpointed.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  private readonly members = new Set<RoomMember>();
  /** Awareness client id -> the member that announced it first; ids are not shareable. */
  private readonly awarenessOwners = new Map<number, RoomMember>();
  private lastSeq: number;
  private checkpointSeq: number;
  private sinceCheckpoint: number;
  private broken = false;
  private rewriteDue = false;
  private discarded = false;
  /**
   * While a client's update is being applied, what Yjs emits for it waits here: it goes out only
   * once the whole update applied. Yjs emits what it integrated even when it throws half-way.
   */
  private applying = false;
  private readonly held: Array<{ message: Uint8Array; origin: unknown }> = [];

  constructor(
    readonly name: string,
    loaded: RebuiltDoc,
    private readonly store: DocStorage,
    private readonly checkpointEvery: number,
    private readonly log: Log,
    private readonly budget: LogBudget = UNLIMITED_LOG,
  ) {
    this.doc = loaded.doc;
    this.lastSeq = loaded.seq;
    this.checkpointSeq = loaded.checkpointSeq;
    this.sinceCheckpoint = loaded.replayed;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant: it relays states but announces none of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    // A long replay at load (e.g. after a crash) is saved right away so the next load is short.
    if (this.sinceCheckpoint >= this.checkpointEvery) this.checkpoint();
  }

  /** The sequence number of the last update the document holds: equal to a stored read's, the same state. */
  get seq(): number {
    return this.lastSeq;
  }

  add(member: RoomMember): void {
    this.members.add(member);
  }

  /** Removes the member and the awareness state it announced (telling the others). */
  remove(member: RoomMember, awarenessId: number | null): void {
    this.members.delete(member);
    if (awarenessId !== null && this.awarenessOwners.get(awarenessId) === member) {
      this.awarenessOwners.delete(awarenessId);
      awarenessProtocol.removeAwarenessStates(this.awareness, [awarenessId], null);
    }
  }

  /**
   * Logs, applies and broadcasts a writer's update (`writer`: the socket's principal, none for a
   * server edit). Throws MalformedMessageError if invalid.
   */
  applyClientUpdate(update: Uint8Array, userId: string, origin: RoomMember, writer?: Principal): void {
    // A discarded room's document is being deleted: nothing more is stored for it.
    if (this.discarded) return;
    let redundant: boolean;
    try {
      // Nothing to record: a synced client's sync step 2 repeats what the room already has.
      const summary = inspectUpdate(update);
      redundant = summary.empty || addsNothingNew(this.doc, summary.decoded);
    } catch (error) {
      throw new MalformedMessageError(`invalid update: ${String(error)}`);
    }
    if (redundant) return;
    if (!this.budget.charge(this.name, userId, update.length)) throw new QuotaExceededError(this.name);
    const seq = this.lastSeq + 1;
    this.store.appendAt(this.name, seq, userId, update, writer);
    this.applying = true;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (error) {
      // Validated but not applicable: drop it from the log so loading never trips on it, send
      // nobody what Yjs integrated of it, and let the caller reload the room, whose document
      // may be half-modified.
      this.applying = false;
      this.held.length = 0;
      this.store.remove(this.name, seq);
      this.broken = true;
      throw new RoomBrokenError(this.name, error);
    }
    this.applying = false;
    for (const { message, origin: from } of this.held) this.broadcast(message, from);
    this.held.length = 0;
    this.lastSeq = seq;
    this.sinceCheckpoint++;
    if (this.sinceCheckpoint >= this.checkpointEvery) this.checkpoint();
  }

  /** Whether an update would add anything (a reader's, which is dropped either way); false if it does not decode. */
  wouldChange(update: Uint8Array): boolean {
    try {
      const summary = inspectUpdate(update);
      return !summary.empty && !addsNothingNew(this.doc, summary.decoded);
    } catch {
      return false;
    }
  }

  /** The first id a member announces becomes its own; false if another member owns it. */
  claimAwarenessId(member: RoomMember, clientId: number): boolean {
    const owner = this.awarenessOwners.get(clientId);
    if (owner !== undefined && owner !== member) return false;
    this.awarenessOwners.set(clientId, member);
    return true;
  }

  applyAwareness(entries: AwarenessEntry[], origin: RoomMember): void {
    if (entries.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), origin);
  }

  /** The awareness states of these client ids, encoded, to carry them into a reloaded room. */
  awarenessOf(clientIds: number[]): Uint8Array | null {
    const known = clientIds.filter((id) => this.awareness.getStates().has(id));
    return known.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, known) : null;
  }

  /** Restores states carried from the room this one replaces (before its members move in). */
  restoreAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, null);
  }

  /** Every known awareness state, for a new member or a query. */
  awarenessSnapshot(): Uint8Array {
    return encodeAwarenessMessage(this.awareness, Array.from(this.awareness.getStates().keys()));
  }

  /**
   * The stored checkpoint was written whole, before checkpoints were sliced: the next
   * checkpoint (at the latest when the last socket leaves) is written even if nothing was
   * logged since, so that the next load applies it in slices.
   */
  rewriteCheckpoint(): void {
    this.rewriteDue = true;
  }

  /** Writes a checkpoint when anything was logged since the last one (or a rewrite is due). */
  checkpoint(): void {
    if (this.broken || (this.lastSeq <= this.checkpointSeq && !this.rewriteDue)) return;
    try {
      this.store.writeCheckpoint(this.name, this.lastSeq, encodeCheckpoint(this.doc));
      this.checkpointSeq = this.lastSeq;
      this.sinceCheckpoint = 0;
      this.rewriteDue = false;
    } catch (error) {
      // The log still holds every update; a failed checkpoint only makes the next load slower.
      this.log('yjs.checkpoint-error', { doc: this.name, seq: this.lastSeq, error: String(error) });
    }
  }

  /**
   * Its document may hold updates the log does not (their commit failed): nothing more is stored
   * for it and no checkpoint is written; the caller evicts it and the next join reloads the log.
   */
  markBroken(): void {
    this.broken = true;
  }

  /** A broken room is never kept loaded for later joins: they load the log afresh. */
  get isBroken(): boolean {
    return this.broken;
  }

  /** Stops storing anything for this room (its board is deleted); destroyed on last release. */
  discard(): void {
    this.discarded = true;
    this.broken = true;
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    this.members.clear();
    this.awarenessOwners.clear();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const message = encodeSyncUpdate(update);
    if (this.applying) this.held.push({ message, origin });
    else this.broadcast(message, origin);
  };

  private broadcast(message: Uint8Array, origin: unknown): void {
    for (const member of this.members) {
      if (member !== origin) member.send(message);
    }
  }

  // Sent to the origin as well: y-websocket treats a socket that received nothing for 30 s
  // as dead, and a lone client's own awareness echo is what keeps it alive.
  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const clients = [...change.added, ...change.updated, ...change.removed];
    const message = encodeAwarenessMessage(this.awareness, clients);
    for (const member of this.members) member.send(message);
  };
}
