import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { subscribe } from './events/bus';
import { attachBoardChannel } from './socket/board-channel';
import { startSyncProcess } from './sync/sync-process';

/**
 * The two realtime servers and the bridge that tells them about record changes: socket.io in
 * this process, the Yjs sync server in its own (sync/). A change that shrinks access (role,
 * removal, unsharing, freezing, sign-out) re-checks every open socket of that board through
 * the same permission function that admitted it.
 */
export async function attachRealtime(server: HttpServer) {
  const sync = await startSyncProcess();
  const channel = attachBoardChannel(server);

  // Returns the Yjs side's re-check, so that publishSettled waits until shrunk sockets are gone.
  const unsubscribe = subscribe((event): Promise<void> | undefined => {
    void channel.handleBusEvent(event);
    switch (event.type) {
      case 'access-changed':
        return sync.revalidate({ boardId: event.boardId });
      case 'session-revoked':
        return sync.revalidate({ sessionId: event.sessionId });
      case 'board-deleted':
        return sync.dropBoard(event.boardId);
      case 'doc-edit':
        return sync.applyUpdate(event.docName, event.userId, event.update);
      case 'board-changed':
      case 'notify':
      case 'run':
        return undefined;
    }
  });

  return {
    handleYjsUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => sync.handleUpgrade(req, socket, head),
    close: async () => {
      unsubscribe();
      channel.close();
      await sync.close();
    },
  };
}

export type Realtime = Awaited<ReturnType<typeof attachRealtime>>;
