import { CloseCode } from '../../lib/protocol/close-codes';
import type { Connection } from './connection';
import type { Log, Room } from './room';
import { ReadsLaterError, type RoomManager } from './room-manager';
import type { TurnBatch } from './turn-batch';

/**
 * What becomes of a room whose document cannot be trusted: one an update broke half-way, or one
 * holding a turn the store did not keep (yjs-server.ts). Either its sockets carry on in the room
 * loaded again from the log, or they are closed.
 */
export interface RoomReloading {
  rooms: RoomManager;
  connections: Set<Connection>;
  batch: TurnBatch<Room>;
  log: Log;
}

/** Closes every socket of a room whose document cannot be trusted, and drops it unsaved. */
export function closeRoom({ rooms, connections }: RoomReloading, room: Room, code: number): void {
  // Its document may hold what the log does not: no checkpoint of it may be written.
  room.markBroken();
  rooms.evict(room);
  for (const connection of [...connections]) {
    if (connection.room === room) connection.close(code);
  }
}

/**
 * The room is dropped unsaved and loaded again from the log, and its sockets (but `sender`,
 * already closed) carry on there, their presence with them. After an update that failed
 * half-way they were sent nothing of it (Room holds what Yjs emits until an update has applied
 * whole), so each holds exactly what the log holds: one update that breaks a room cuts its
 * sender only. After a turn the store refused they were sent nothing of the turn either (the
 * batch holds its sends until the commit), and they send what the fresh room lacks in their
 * sync step 2.
 */
export function reloadRoom(reloading: RoomReloading, room: Room, sender: Connection | null): void {
  const { rooms, connections, batch, log } = reloading;
  room.markBroken();
  const survivors = [...connections].filter((connection) => connection.room === room && connection !== sender);
  const presence = room.awarenessOf(survivors.flatMap((connection) => connection.awarenessIds));
  rooms.evict(room);
  if (survivors.length === 0) return;
  let fresh: Room;
  try {
    fresh = rooms.acquire(room.name);
    for (let i = 1; i < survivors.length; i++) rooms.acquire(room.name);
  } catch (error) {
    if (error instanceof ReadsLaterError) return reloadLater(reloading, room.name, survivors, presence);
    log('yjs.load-error', { doc: room.name, error: String(error) });
    for (const connection of survivors) connection.close(CloseCode.InternalError);
    return;
  }
  // Loaded inside this turn's transaction: should its commit fail, this room goes too.
  batch.touch(fresh);
  if (presence) fresh.restoreAwareness(presence);
  for (const connection of survivors) connection.moveTo(fresh);
  log('yjs.room-reloaded', { doc: room.name, sockets: survivors.length });
}

/**
 * reloadRoom on a store that reads over the network (PostgreSQL): the survivors stop reading
 * until the room is loaded again from the log (after this turn's commit, which the read waits
 * for), then move on to it as they would at once on SQLite. None is disconnected.
 */
function reloadLater(
  { rooms, log }: RoomReloading,
  docName: string,
  survivors: Connection[],
  presence: Uint8Array | null,
): void {
  for (const connection of survivors) connection.pauseReading();
  Promise.all(survivors.map(() => rooms.load(docName))).then(
    ([fresh]) => {
      if (!fresh) return;
      if (presence) fresh.restoreAwareness(presence);
      for (const connection of survivors) {
        if (!connection.moveTo(fresh)) {
          rooms.release(fresh);
          continue;
        }
        connection.resumeReading();
      }
      log('yjs.room-reloaded', { doc: docName, sockets: survivors.length });
    },
    (error: unknown) => {
      log('yjs.load-error', { doc: docName, error: String(error) });
      for (const connection of survivors) connection.close(CloseCode.InternalError);
    },
  );
}
