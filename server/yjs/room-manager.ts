import { Room, UNLIMITED_LOG, type Log, type LogBudget } from './room';
import {
  applyStoredParts,
  applyStoredPartsInTurns,
  LoadCancelledError,
  type DocStorage,
  type StoredParts,
} from './storage';

/** acquire() of a room that is not loaded, on a store that reads only asynchronously (PostgreSQL). */
export class ReadsLaterError extends Error {
  constructor(readonly docName: string) {
    super(`${docName} is not loaded, and its store reads asynchronously`);
    this.name = 'ReadsLaterError';
  }
}

/** How long a room nobody holds stays loaded, and how many such rooms at most. */
export interface IdleRoomPolicy {
  keepMs: number;
  maxRooms: number;
}

/** A room being built across turns, and how many callers await it (each then holds it). */
interface Loading {
  promise: Promise<Room>;
  holders: number;
  cancelled: boolean;
}

/**
 * Rooms by document name, reference-counted by the connections holding them. A room is loaded
 * on first acquire. On last release it is checkpointed and parked: a reload, or a move from
 * the board to its history page and back, finds it open instead of rebuilding 50,000 updates.
 * Parked rooms are unloaded after `keepMs` (or, beyond `maxRooms`, the longest parked first),
 * so memory returns to baseline when nobody is connected.
 *
 * A parked room's state equals the stored one: only rooms append to their own document's log,
 * and a deleted board's rooms are discarded, parked or not.
 *
 * A join loads its room across turns (load(): a batch of stored parts per turn), so that a
 * board of 50,000 edits does not hold the thread for the whole rebuild. There is one promise
 * per loading room: every join or server edit that comes meanwhile awaits the same load, and
 * the room exists once. A name is in at most one of `rooms`, `parked` and `loading`.
 */
export class RoomManager {
  private readonly rooms = new Map<string, { room: Room; holders: number }>();
  /** Rooms nobody holds, oldest first (a Map keeps insertion order). */
  private readonly parked = new Map<string, { room: Room; timer: NodeJS.Timeout }>();
  private readonly loading = new Map<string, Loading>();

  constructor(
    private readonly store: DocStorage,
    private readonly checkpointEvery: number,
    private readonly log: Log,
    private readonly idle: IdleRoomPolicy = { keepMs: 0, maxRooms: 0 },
    private readonly budget: LogBudget = UNLIMITED_LOG,
    /** How long a load applies stored parts per turn (limits.ts, loadTurnMs). */
    private readonly loadTurnMs: number = 12,
  ) {}

  /** Rooms someone holds. */
  get count(): number {
    return this.rooms.size;
  }

  /** Rooms nobody holds that are still loaded. */
  get parkedCount(): number {
    return this.parked.size;
  }

  /** Whether the room is in memory (held or parked), i.e. acquire() would not load it. */
  isLoaded(docName: string): boolean {
    return this.rooms.has(docName) || this.parked.has(docName);
  }

  /** Every room loaded (held or parked) or loading, by name. */
  names(): string[] {
    return [...this.rooms.keys(), ...this.parked.keys(), ...this.loading.keys()];
  }

  /** Whether a load of the room is under way (load() would await it). */
  isLoading(docName: string): boolean {
    return this.loading.has(docName);
  }

  /**
   * The stored state of a room that is neither loaded nor loading, to pass to load() once sent
   * (a promise on a store that reads over the network).
   */
  readStored(docName: string): StoredParts | Promise<StoredParts> {
    return this.store.readLatest(docName);
  }

  /**
   * Resolves with the room, held by the caller (pair with release()). A loaded room is taken at
   * once; otherwise the room is built across turns, starting in the next one, from `stored`
   * when the caller has just read it with readStored (else from storage then), and every load
   * called meanwhile awaits the same one. Rejects if loading fails or is cancelled (discard(),
   * cancelLoads()): the caller then holds nothing.
   */
  load(docName: string, stored?: StoredParts | Promise<StoredParts>): Promise<Room> {
    if (this.isLoaded(docName)) return Promise.resolve(this.acquire(docName));
    let loading = this.loading.get(docName);
    if (!loading) {
      const control = { holders: 0, cancelled: false };
      // The same object: build() reads the holders and the cancellation as they are at the end.
      loading = Object.assign(control, { promise: this.build(docName, stored, control) });
      this.loading.set(docName, loading);
    }
    loading.holders++;
    return loading.promise;
  }

  /**
   * Returns the loaded room, loading it in this turn if needed: for a room that must exist now
   * (a broken room's sockets moving on). Pair every call with release(). Throws when the room
   * is not loaded and the store reads only asynchronously (PostgreSQL).
   */
  acquire(docName: string): Room {
    if (this.loading.has(docName)) throw new Error(`${docName} is loading`);
    let entry = this.rooms.get(docName);
    const parked = entry ? undefined : this.parked.get(docName);
    if (parked) {
      clearTimeout(parked.timer);
      this.parked.delete(docName);
      entry = { room: parked.room, holders: 0 };
      this.rooms.set(docName, entry);
      this.log('yjs.room-reopened', { doc: docName });
    }
    if (!entry) {
      const started = performance.now();
      const stored = this.readStored(docName);
      if (stored instanceof Promise) {
        stored.catch(() => undefined);
        throw new ReadsLaterError(docName);
      }
      const loaded = applyStoredParts(stored);
      const room = new Room(docName, loaded, this.store, this.checkpointEvery, this.log, this.budget);
      entry = { room, holders: 0 };
      this.rooms.set(docName, entry);
      this.log('yjs.room-loaded', {
        doc: docName,
        seq: loaded.seq,
        replayed: loaded.replayed,
        ms: Math.round(performance.now() - started),
      });
    }
    entry.holders++;
    return entry.room;
  }

  private async build(
    docName: string,
    stored: StoredParts | Promise<StoredParts> | undefined,
    loading: Omit<Loading, 'promise'>,
  ): Promise<Room> {
    const started = performance.now();
    try {
      const loaded = await applyStoredPartsInTurns(
        docName,
        () => stored ?? this.readStored(docName),
        this.loadTurnMs,
        () => loading.cancelled,
      );
      if (loading.cancelled) {
        loaded.doc.destroy();
        throw new LoadCancelledError(docName);
      }
      const room = new Room(docName, loaded, this.store, this.checkpointEvery, this.log, this.budget);
      if (loaded.unslicedCheckpoint) room.rewriteCheckpoint();
      this.rooms.set(docName, { room, holders: loading.holders });
      this.log('yjs.room-loaded', {
        doc: docName,
        seq: loaded.seq,
        replayed: loaded.replayed,
        ms: Math.round(performance.now() - started),
        turns: loaded.turns,
        longestTurnMs: Math.round(loaded.longestMs),
      });
      return room;
    } finally {
      if (this.loading.get(docName) === loading) this.loading.delete(docName);
    }
  }

  /** Gives up every load under way (shutdown): those awaiting them are rejected. */
  cancelLoads(prefix = ''): void {
    for (const [name, loading] of [...this.loading]) {
      if (!name.startsWith(prefix)) continue;
      loading.cancelled = true;
      this.loading.delete(name);
    }
  }

  release(room: Room): void {
    const entry = this.rooms.get(room.name);
    if (!entry || entry.room !== room) return;
    entry.holders--;
    if (entry.holders > 0) return;
    this.rooms.delete(room.name);
    if (room.isBroken) {
      // Its document may hold what the log does not: the next join loads the log instead.
      room.destroy();
      this.log('yjs.room-evicted', { doc: room.name });
      return;
    }
    room.checkpoint();
    this.park(room);
  }

  /** Unloads every parked room now (shutdown). */
  unloadParked(): void {
    for (const name of [...this.parked.keys()]) this.unloadParkedRoom(name);
  }

  /** Drops every room whose name starts with `prefix` (a deleted board) without checkpointing. */
  discard(prefix: string): void {
    this.cancelLoads(prefix);
    for (const [name, entry] of [...this.rooms, ...this.parked]) {
      if (!name.startsWith(prefix)) continue;
      const parked = this.parked.get(name);
      if (parked) clearTimeout(parked.timer);
      this.rooms.delete(name);
      this.parked.delete(name);
      entry.room.discard();
      entry.room.destroy();
      this.log('yjs.room-discarded', { doc: name });
    }
  }

  private park(room: Room): void {
    if (this.idle.keepMs <= 0 || this.idle.maxRooms <= 0) {
      room.destroy();
      this.log('yjs.room-unloaded', { doc: room.name });
      return;
    }
    const timer = setTimeout(() => this.unloadParkedRoom(room.name), this.idle.keepMs);
    // A parked room never keeps the process alive on its own.
    timer.unref();
    this.parked.set(room.name, { room, timer });
    for (const name of this.parked.keys()) {
      if (this.parked.size <= this.idle.maxRooms) break;
      this.unloadParkedRoom(name);
    }
  }

  private unloadParkedRoom(name: string): void {
    const parked = this.parked.get(name);
    if (!parked) return;
    clearTimeout(parked.timer);
    this.parked.delete(name);
    parked.room.destroy();
    this.log('yjs.room-unloaded', { doc: name });
  }

  /** Drops a broken room without checkpointing it; the next join loads it from storage. */
  evict(room: Room): void {
    const entry = this.rooms.get(room.name);
    // Already gone when its last holder was released first (that release destroyed it).
    if (entry?.room !== room) return;
    this.rooms.delete(room.name);
    room.destroy();
    this.log('yjs.room-evicted', { doc: room.name });
  }
}
