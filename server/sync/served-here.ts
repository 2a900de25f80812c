import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { parseDocName } from '../../lib/doc-names';
import type { AppendFence } from '../update-log/postgres-storage';
import { parseDocName as docNameOfPath } from '../yjs/doc-path';
import type { BoardLeases } from './board-leases';

/**
 * The sync process's side of serving a board on PostgreSQL: a socket or a server edit for a
 * board is taken only with the board's lease (board-leases.ts). The web process passes every
 * socket of a board another process serves to that one (upgrade-routing.ts); what still
 * arrives here for such a board (two processes racing for a free lease) is refused, and its
 * client reconnects and is routed again.
 */

/** Whether this process serves the upgrade's board now, taking its lease if it is free. */
export async function servedHere(leases: BoardLeases, req: IncomingMessage): Promise<boolean> {
  const docName = docNameOfPath(req.url);
  const boardId = docName === null ? null : parseDocName(docName)?.boardId;
  // Not a document's path: the sync server refuses it itself (404).
  if (!boardId) return true;
  return (await leases.acquire(boardId)).mine;
}

/** Resolves when this process serves the document's board (none needed on SQLite); rejects otherwise. */
export async function servesDoc(leases: BoardLeases | null, docName: string): Promise<void> {
  const boardId = parseDocName(docName)?.boardId;
  if (!leases || !boardId) return;
  const answer = await leases.acquire(boardId);
  // The edit is given back to the web process, which writes it with the next move (run mode).
  if (!answer.mine) throw new Error(`${docName} is served by ${answer.address || 'another process'}`);
}

export function refuseUpgrade(socket: Duplex): void {
  socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}

/** What the fence needs of the sync server: the permission function, and its rooms. */
export interface FenceHooks {
  /** What the writer may do with the document now: the same function the upgrade asked. */
  accessOf: AppendFence['accessOf'];
  /** Closes a refused writer's sockets on the document, with the reason. */
  writersRefused: AppendFence['writersRefused'];
  /** Closes every room of a board another process serves now. */
  stopServing(boardId: string): void;
  /** Checks the sockets of boards whose access narrowed again, and records their version. */
  checkAgain(boardIds: string[]): void;
}

/** The fence of this process's appends: its leases, and what to do with a board that is no longer its own. */
export function fenceOf(leases: BoardLeases, hooks: FenceHooks): AppendFence {
  return {
    owner: leases.owner,
    epochOf: (boardId) => leases.epochOf(boardId),
    accessVersionOf: (boardId) => leases.accessVersionOf(boardId),
    accessOf: hooks.accessOf,
    writersRefused: hooks.writersRefused,
    accessMoved: hooks.checkAgain,
    stale: (boardIds) => {
      for (const boardId of boardIds) {
        leases.forget(boardId);
        hooks.stopServing(boardId);
      }
    },
  };
}
