import { parseDocName } from '../../lib/doc-names';
import { CloseCode } from '../../lib/protocol/close-codes';
import type { Connection } from './connection';
import type { RoomManager } from './room-manager';

/**
 * The sync server's rooms and sockets by board, for serving boards under leases on PostgreSQL
 * (server/sync/board-leases.ts): which boards are in use here, and letting one go.
 */

/**
 * Stops serving a board here (another process serves it now): its rooms are dropped without a
 * checkpoint and its sockets closed as for a restart, so their clients reconnect and reach the
 * board where it is served.
 */
export function closeBoardHere(rooms: RoomManager, connections: Iterable<Connection>, boardId: string): void {
  const prefix = `board/${boardId}/`;
  rooms.discard(prefix);
  for (const connection of [...connections]) {
    if (connection.docName.startsWith(prefix)) connection.close(CloseCode.ServerShutdown);
  }
}

/** The boards with a room loaded or loading, or a socket open. */
export function boardsInUseHere(rooms: RoomManager, connections: Iterable<Connection>): Set<string> {
  const boards = new Set<string>();
  for (const name of [...rooms.names(), ...[...connections].map((connection) => connection.docName)]) {
    const parsed = parseDocName(name);
    if (parsed) boards.add(parsed.boardId);
  }
  return boards;
}
