import { Room, UNLIMITED_LOG, type Log, type LogBudget } from './room';
import { applyStoredParts, type DocStorage, type StoredParts } from './storage';

/** How long a room nobody holds stays loaded, and how many such rooms at most. */
export interface IdleRoomPolicy {
  keepMs: number;
  maxRooms: number;
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
 * Loading is synchronous (DocStorage), so two joins can never see a half-loaded room: the
 * second acquire finds the first one's room in the map. Should the store become asynchronous,
 * keep a promise per loading room here so that concurrent joins await the same load.
 */
export class RoomManager {
  private readonly rooms = new Map<string, { room: Room; holders: number }>();
  /** Rooms nobody holds, oldest first (a Map keeps insertion order). */
  private readonly parked = new Map<string, { room: Room; timer: NodeJS.Timeout }>();

  constructor(
    private readonly store: DocStorage,
    private readonly checkpointEvery: number,
    private readonly log: Log,
    private readonly idle: IdleRoomPolicy = { keepMs: 0, maxRooms: 0 },
    private readonly budget: LogBudget = UNLIMITED_LOG,
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

  /** The stored state of a room that is not loaded, to pass to acquire() once sent. */
  readStored(docName: string): StoredParts {
    return this.store.readLatest(docName);
  }

  /**
   * Returns the loaded room, loading it first if needed (from `stored` when the caller has
   * just read it with readStored, synchronously). Pair every call with release().
   */
  acquire(docName: string, stored?: StoredParts): Room {
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
      const loaded = applyStoredParts(stored ?? this.readStored(docName));
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
