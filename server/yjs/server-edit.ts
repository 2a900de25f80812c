import { parseDocName, YJS_PATH_PREFIX } from './doc-path';
import { RoomBrokenError, type Room, type RoomMember } from './room';
import type { RoomManager } from './room-manager';
import type { TurnBatch } from './turn-batch';

/** The origin of the server's own edits: not a member of any room, so every member is sent them. */
const SERVER_EDIT: RoomMember = { send: () => undefined };

/** What a server edit needs of the sync server. */
export interface ServerEditContext {
  rooms: RoomManager;
  batch: TurnBatch<Room>;
  /** An update broke `room` half-way: its sockets carry on in a room reloaded from the log. */
  reloadRoom(room: Room): void;
}

/**
 * Applies an update the server made itself (run mode writing what happened into a debrief) as
 * `userId`'s edit, exactly as a writer's: within a turn's batch, logged before it is applied and
 * sent to everyone in the room. A room nobody has open is loaded first, across turns as for a
 * join, and an edit that comes while the room loads awaits that same load (RoomManager.load):
 * it lands in the one room, after what storage held. Resolves once it is stored; rejects if it
 * was not (nothing of it was then sent).
 */
export async function applyServerEdit(
  context: ServerEditContext,
  docName: string,
  userId: string,
  update: Uint8Array,
): Promise<void> {
  // The same bounds as a name in an upgrade's path (doc-path.ts); the web process made it from ids.
  if (parseDocName(`${YJS_PATH_PREFIX}${encodeURIComponent(docName)}`) !== docName)
    throw new Error('not a document name');
  const room = await context.rooms.load(docName);
  return new Promise<void>((resolve, reject) => {
    let failure: unknown = null;
    context.batch.enqueue(
      room,
      () => {
        try {
          room.applyClientUpdate(update, userId, SERVER_EDIT);
        } catch (error) {
          failure = error;
          // Nothing of it went out; the room's other sockets carry on in a room reloaded from the log.
          if (error instanceof RoomBrokenError) context.reloadRoom(room);
        }
      },
      // Once the batch above has committed (or failed): only then is the edit stored.
      (committed) => {
        const stored = committed && failure === null && !room.isBroken;
        context.rooms.release(room);
        if (stored) resolve();
        else reject(failure instanceof Error ? failure : new Error('the server edit was not stored'));
      },
    );
  });
}
