import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { principalForSession } from './auth/sessions';
import { db } from './db/connection';
import { env } from './env';
import { subscribe } from './events/bus';
import { notifyThrough, startPostgresRelay, type PostgresRelay } from './events/postgres-relay';
import { attachBoardChannel, type BoardChannel } from './socket/board-channel';
import { parseDocName } from '../lib/doc-names';
import { peerAddress } from './sync/peer-address';
import { type PeerEdit, sendEditToPeer } from './sync/peer-edits';
import { startSyncProcess } from './sync/sync-process';
import { servingPeer } from './sync/upgrade-routing';

/**
 * The two realtime servers and the bridge that tells them about record changes: socket.io in
 * this process, the Yjs sync server in its own (sync/). A change that shrinks access (role,
 * removal, unsharing, freezing, sign-out) re-checks every open socket of that board through
 * the same permission function that admitted it. On PostgreSQL, changes made by the other
 * server processes of the database arrive the same way (events/postgres-relay.ts).
 */
export async function attachRealtime(server: HttpServer) {
  const sync = await startSyncProcess();
  const channel = attachBoardChannel(server);
  // The other processes count this one in as soon as it takes its first connection.
  await channel.ready;

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
        return applyServerEdit(event);
      case 'board-changed':
      case 'notify':
      case 'run':
        return undefined;
    }
  });

  /**
   * A server edit is applied by the process serving its board: here, or on PostgreSQL the one
   * holding the board's lease, over HTTP (sync/peer-edits.ts).
   */
  async function applyServerEdit(edit: PeerEdit): Promise<void> {
    const boardId = parseDocName(edit.docName)?.boardId;
    const { dialect, kysely } = db();
    const peer = dialect === 'postgres' && boardId ? await servingPeer(kysely, peerAddress(), boardId) : null;
    if (peer) return sendEditToPeer(peer, edit, env().secret);
    return sync.applyUpdate(edit.docName, edit.userId, edit.update);
  }

  const url = env().DATABASE_URL;
  const relay: PostgresRelay | null =
    db().dialect === 'postgres' && url
      ? await startPostgresRelay({
          url,
          notify: notifyThrough(db().kysely),
          // Whatever the other processes said while this one was not listening is lost.
          recheckEverything: async () => {
            await Promise.all([sync.revalidate({}), recheckChannel(channel)]);
          },
        })
      : null;

  return {
    handleYjsUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => sync.handleUpgrade(req, socket, head),
    /** An edit another process sent to this one, which serves its board: applied here, never passed on. */
    applyPeerEdit: (edit: PeerEdit) => sync.applyUpdate(edit.docName, edit.userId, edit.update),
    close: async () => {
      await relay?.stop();
      unsubscribe();
      channel.close();
      await sync.close();
    },
  };
}

/**
 * Every socket.io connection of this process, as after a record change on each of its boards
 * and a sign-out of each of its sessions that has ended: the same checks, through the channel's
 * own handling of those events.
 */
async function recheckChannel(channel: BoardChannel): Promise<void> {
  const boards = new Set<string>();
  const sessions = new Map<string, string>();
  for (const socket of channel.io.of('/').sockets.values()) {
    for (const boardId of socket.data.boards.keys()) boards.add(boardId);
    sessions.set(socket.data.principal.sessionId, socket.data.principal.userId);
  }
  // Queued first: the channel handles events in order, and a failed session lookup below must
  // not keep the boards from being re-checked.
  const checks = [...boards].map((boardId) => channel.handleBusEvent({ type: 'access-changed', boardId }));
  const ended = await Promise.all(
    [...sessions].map(async ([sessionId, userId]) =>
      (await principalForSession(sessionId, userId)) === null ? sessionId : null,
    ),
  );
  for (const sessionId of ended) {
    if (sessionId !== null) checks.push(channel.handleBusEvent({ type: 'session-revoked', sessionId }));
  }
  await Promise.all(checks);
}

export type Realtime = Awaited<ReturnType<typeof attachRealtime>>;
