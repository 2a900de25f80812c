import type BetterSqlite3 from 'better-sqlite3';
import { rebuildLatest } from '../../lib/history/rebuild';
import { Room, type Log } from './room';
import { UpdateStore } from '../../lib/history/update-store';

/**
 * Rooms by document name, reference-counted by the connections holding them. A room is loaded
 * on first acquire and unloaded (after a checkpoint) on last release, so memory returns to
 * baseline when nobody is connected.
 *
 * Loading is synchronous (better-sqlite3), so two joins can never see a half-loaded room: the
 * second acquire finds the first one's room in the map. Should the store become asynchronous,
 * keep a promise per loading room here so that concurrent joins await the same load.
 */
export class RoomManager {
  private readonly rooms = new Map<string, { room: Room; holders: number }>();
  private readonly store: UpdateStore;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly checkpointEvery: number,
    private readonly log: Log,
  ) {
    this.store = new UpdateStore(sqlite);
  }

  get count(): number {
    return this.rooms.size;
  }

  /** Returns the loaded room, loading it first if needed. Pair every call with release(). */
  acquire(docName: string): Room {
    let entry = this.rooms.get(docName);
    if (!entry) {
      const started = performance.now();
      const loaded = rebuildLatest(this.sqlite, docName);
      const room = new Room(docName, loaded, this.store, this.checkpointEvery, this.log);
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
    room.checkpoint();
    room.destroy();
    this.log('yjs.room-unloaded', { doc: room.name });
  }

  /** Drops every room whose name starts with `prefix` (a deleted board) without checkpointing. */
  discard(prefix: string): void {
    for (const [name, entry] of [...this.rooms]) {
      if (!name.startsWith(prefix)) continue;
      this.rooms.delete(name);
      entry.room.discard();
      entry.room.destroy();
      this.log('yjs.room-discarded', { doc: name });
    }
  }

  /** Drops a broken room without checkpointing it; the next join loads it from storage. */
  evict(room: Room): void {
    const entry = this.rooms.get(room.name);
    // Already gone when its last holder was released first (that release skips the checkpoint).
    if (entry?.room !== room) return;
    this.rooms.delete(room.name);
    room.destroy();
    this.log('yjs.room-evicted', { doc: room.name });
  }
}
