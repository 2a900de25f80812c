import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { CloseCode } from '../../lib/protocol/close-codes';
import type { RevalidateFilter, YjsServer, YjsServerOptions } from './api';
import { resolveLimits } from './limits';
import { Connection } from './connection';
import { boardsInUseHere, closeBoardHere } from './board-rooms';
import { parseDocName } from './doc-path';
import { LogQuota } from './log-quota';
import { storedStateMessages } from './protocol';
import type { Log, Room } from './room';
import { RollingSweep } from './rolling-sweep';
import { RoomManager } from './room-manager';
import { closeRoom, reloadRoom, type RoomReloading } from './room-reload';
import { SocketCaps } from './socket-caps';
import { applyServerEdit } from './server-edit';
import { LoadCancelledError, type StoredParts, WriteRefusedError } from './storage';
import { TurnBatch } from './turn-batch';
import type { DocAccess, Principal } from './types';
import { closeCodeForChange, closeSocket, refuse } from './upgrade-answers';

export type { DocAccess, Principal } from './types';
export type { RevalidateFilter, YjsServer, YjsServerOptions } from './api';
export { YJS_PATH_PREFIX } from './doc-path';

/** Each ping interval is cut into this many ticks; each tick visits that share of the sockets. */
const HEARTBEAT_TICKS = 30;

/** Re-checks of an upgrade racing with revalidations before it gives up (503, client retries). */
const MAX_ACCESS_CHECKS = 5;

const defaultLog: Log = (event, detail) => {
  if (event.endsWith('error') || event.endsWith('broken')) console.error(event, detail);
};

export function createYjsServer(options: YjsServerOptions): YjsServer {
  const limits = resolveLimits(options.limits);
  const log: Log = options.log ?? defaultLog;
  const quota = new LogQuota(limits.loggedBytesPerDocPerHour, limits.loggedBytesPerUserPerHour);
  const rooms = new RoomManager(
    options.storage,
    limits.checkpointEvery,
    log,
    { keepMs: limits.idleRoomMs, maxRooms: limits.idleRoomsMax },
    quota,
    limits.loadTurnMs,
  );
  const caps = new SocketCaps(limits);
  // No compression: a zlib context per socket costs memory and CPU for every room member,
  // while Yjs updates are already compact binary.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxFrameBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const connections = new Set<Connection>();
  let closing = false;
  // Bumped by every revalidate; an upgrade that saw it change while it awaited docAccess asks
  // again, so a socket can never open with access computed before a revocation.
  let epoch = 0;

  // Every socket is visited once per interval, a thirtieth of them at a time (rolling-sweep.ts),
  // and pinged only if it has been quiet; expired sessions are looked for as each round starts,
  // and the log budgets that have refilled are forgotten.
  const sweep = new RollingSweep(
    connections,
    HEARTBEAT_TICKS,
    (connection) => connection.heartbeat(),
    () => {
      quota.prune();
      void closeExpiredSessions();
    },
  );
  const heartbeat = setInterval(() => sweep.step(), limits.pingIntervalMs / HEARTBEAT_TICKS);

  /**
   * Sessions also end by expiring, which no record change announces: each heartbeat asks once
   * per open session whether it is still live, and closes the dead ones' sockets.
   */
  async function closeExpiredSessions(): Promise<void> {
    const isLive = options.isSessionLive;
    if (!isLive) return;
    const bySession = new Map<string, Connection[]>();
    for (const connection of connections) {
      const list = bySession.get(connection.principal.sessionId) ?? [];
      list.push(connection);
      bySession.set(connection.principal.sessionId, list);
    }
    for (const list of bySession.values()) {
      const first = list[0];
      if (!first) continue;
      try {
        if (await isLive(first.principal)) continue;
      } catch (error) {
        log('yjs.session-check-error', { error: String(error) });
        continue;
      }
      for (const connection of list) connection.close(CloseCode.NotAuthenticated);
    }
  }
  heartbeat.unref();

  const hooks = {
    limits,
    log,
    batch: new TurnBatch<Room>(options.storage, (touched, error) => {
      log('yjs.commit-error', { rooms: touched.size, error: String(error) });
      // Their documents hold updates the log does not. Refused by the store's rule (its
      // refused writers already closed): each room is loaded again from the log and its other
      // sockets move on to it, sending what it lacks in their sync step 2. Failed: every socket
      // goes (its client resends in its next sync step 2) and the next join loads the log.
      for (const room of touched) {
        if (error instanceof WriteRefusedError) reloadRoom(reloading, room, null);
        else closeRoom(reloading, room, CloseCode.InternalError);
      }
    }),
    onDetached(connection: Connection): void {
      connections.delete(connection);
      rooms.release(connection.room);
    },
    onRoomBroken(room: Room, sender: Connection): void {
      reloadRoom(reloading, room, sender);
    },
  };
  const reloading: RoomReloading = { rooms, connections, batch: hooks.batch, log };

  async function accessWithoutRace(principal: Principal, docName: string): Promise<DocAccess | null> {
    for (let attempt = 0; attempt < MAX_ACCESS_CHECKS; attempt++) {
      const seen = epoch;
      const access = await options.docAccess(principal, docName);
      if (seen === epoch) return access;
    }
    return null;
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const principal = await options.authenticate(req);
    if (!principal) return refuse(socket, 401);
    const docName = parseDocName(req.url);
    if (docName === null) return refuse(socket, 404);
    const access = await accessWithoutRace(principal, docName);
    if (closing || access === null) return refuse(socket, 503);
    // 404 rather than 403: a document one may not see is indistinguishable from none.
    if (access !== 'read' && access !== 'write') return refuse(socket, 404);
    if (socket.destroyed) return;
    // From here to the connection's registration (or, for a room nobody has open, to the
    // pause below) everything is synchronous (ws calls back within handleUpgrade): no revalidate
    // can run in between, and no update can reach the room between reading and loading it.
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      // Refused with a code the client reads (an HTTP status before the upgrade would reach a
      // browser as 1006), before one byte of the document is sent.
      const refusal = caps.admit(principal, docName);
      if (refusal !== null) {
        log('yjs.refused', { doc: docName, userId: principal.userId, code: refusal });
        return closeSocket(ws, refusal);
      }
      // Given back however the socket ends, before or after its connection exists.
      ws.once('close', () => caps.release(principal, docName));
      const join: Join = { ws, principal, docName, access };
      if (rooms.isLoaded(docName)) return open(join);
      // A room nobody has open is built across turns (RoomManager.load). The stored state goes
      // out now, so those bytes leave the process before the rebuild; a join to a room already
      // loading waits for it instead and then syncs as with any open room. Nothing the client
      // sends is read meanwhile: the socket is paused and its connection does not exist yet.
      // (A store that reads over the network answers later: the room loads from that read,
      // and the client syncs with it once it is open.)
      let stored: StoredParts | Promise<StoredParts> | null = null;
      if (!rooms.isLoading(docName)) {
        try {
          stored = rooms.readStored(docName);
        } catch (error) {
          log('yjs.load-error', { doc: docName, error: String(error) });
          return closeSocket(ws, CloseCode.InternalError);
        }
        if (!(stored instanceof Promise)) for (const message of storedStateMessages(stored.parts)) ws.send(message);
      }
      ws.pause();
      // Asked for in this turn: a server edit from now on finds the load under way and awaits it.
      const loading = rooms.load(docName, stored ?? undefined);
      const sent = stored instanceof Promise ? null : stored;
      completeJoin(join, loading, sent, epoch).catch((error: unknown) => {
        log('yjs.upgrade-error', { doc: docName, error: String(error) });
        closeSocket(ws, CloseCode.InternalError);
      });
    });
  }

  /**
   * Second step of a join to a room that was not open, once it is loaded: access re-checked if
   * a revalidation ran meanwhile (it could not see this socket), then the connection opens.
   */
  async function completeJoin(
    join: Join,
    loading: Promise<Room>,
    stored: StoredParts | null,
    seen: number,
  ): Promise<void> {
    let room: Room;
    try {
      room = await loading;
    } catch (error) {
      // Cancelled: the server is shutting down, or the board was deleted.
      if (!(error instanceof LoadCancelledError)) log('yjs.load-error', { doc: join.docName, error: String(error) });
      const code = error instanceof LoadCancelledError ? CloseCode.AccessRevoked : CloseCode.InternalError;
      return closeSocket(join.ws, closing ? CloseCode.ServerShutdown : code);
    }
    let refusal: number | null;
    try {
      refusal = await refusalAfterLoad(join, seen);
    } catch (error) {
      rooms.release(room);
      throw error;
    }
    // Broken (and replaced) while access was re-checked: the client reconnects to the new one.
    if (refusal === null && room.isBroken) refusal = CloseCode.TryAgainLater;
    if (refusal !== null) {
      rooms.release(room);
      return closeSocket(join.ws, refusal);
    }
    // The stored state went out at the upgrade: when the room holds exactly it (nothing logged
    // since), the client has everything; otherwise it syncs as with any open room.
    open(join, room, stored !== null && room.seq === stored.seq);
    join.ws.resume();
  }

  /** Why a join whose room has loaded may not go on (a close code), or null. */
  async function refusalAfterLoad(join: Join, seen: number): Promise<number | null> {
    if (join.ws.readyState !== WebSocket.OPEN) return CloseCode.InternalError;
    if (epoch !== seen) {
      const now = await accessWithoutRace(join.principal, join.docName);
      if (now === null) return CloseCode.TryAgainLater;
      if (now !== join.access) return closeCodeForChange(now);
    }
    if (join.ws.readyState !== WebSocket.OPEN) return CloseCode.InternalError;
    if (closing) return CloseCode.ServerShutdown;
    return null;
  }

  /**
   * Registers the connection on its room: `room`, held for it, or the loaded one. `stateSent`:
   * the client was sent the room's whole state already.
   */
  function open(join: Join, held?: Room, stateSent = false): void {
    const { ws, principal, docName, access } = join;
    const room = held ?? rooms.acquire(docName);
    const connection = new Connection(ws, principal, docName, access, room, hooks, { stateSent });
    connections.add(connection);
    connection.start();
    log('yjs.open', { doc: docName, userId: principal.userId, access });
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A reset from the client must not crash the process. Kept for the socket's whole life:
    // ws does not surface errors of the raw socket (it just destroys it), and an error after
    // a refusal would have no other listener.
    socket.on('error', (error: Error) => log('yjs.socket-reset', { error: error.message }));
    if (closing) return refuse(socket, 503);
    upgrade(req, socket, head).catch((error: unknown) => {
      log('yjs.upgrade-error', { url: req.url, error: String(error) });
      refuse(socket, 500);
    });
  }

  async function revalidate(filter: RevalidateFilter = {}): Promise<void> {
    epoch++;
    const targets = [...connections].filter((connection) => matches(connection, filter));
    await Promise.all(targets.map((connection) => recheck(connection)));
  }

  async function recheck(connection: Connection): Promise<void> {
    let access: DocAccess;
    try {
      if (options.isSessionLive && !(await options.isSessionLive(connection.principal))) {
        connection.close(CloseCode.NotAuthenticated);
        return;
      }
      access = await options.docAccess(connection.principal, connection.docName);
    } catch (error) {
      // Fail closed, but transiently: the client reconnects and is checked at the upgrade.
      log('yjs.revalidate-error', { doc: connection.docName, error: String(error) });
      connection.close(CloseCode.InternalError);
      return;
    }
    if (access !== connection.access) connection.close(closeCodeForChange(access));
  }

  async function close(): Promise<void> {
    closing = true;
    clearInterval(heartbeat);
    // Joins and server edits awaiting a load are answered (ServerShutdown, rejected).
    rooms.cancelLoads();
    // Messages already read are handled (and stored) before the sockets go.
    await hooks.batch.settled();
    const all = [...connections];
    for (const connection of all) connection.close(CloseCode.ServerShutdown);
    await Promise.all(all.map((connection) => connection.whenClosed));
    rooms.unloadParked();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    // The checkpoints written as the rooms were let go.
    await options.storage.drain?.();
  }

  async function dropBoard(boardId: string): Promise<void> {
    epoch++;
    const prefix = `board/${boardId}/`;
    // Discarded first: no checkpoint is written when their sockets detach, no update applied.
    rooms.discard(prefix);
    const targets = [...connections].filter((connection) => connection.docName.startsWith(prefix));
    for (const connection of targets) connection.close(CloseCode.AccessRevoked);
    await Promise.all(targets.map((connection) => connection.whenClosed));
  }

  function applyServerUpdate(docName: string, userId: string, update: Uint8Array): Promise<void> {
    if (closing) return Promise.reject(new Error('the sync server is closing'));
    return applyServerEdit(
      { rooms, batch: hooks.batch, reloadRoom: (room) => reloadRoom(reloading, room, null) },
      docName,
      userId,
      update,
    );
  }

  return {
    handleUpgrade,
    revalidate,
    close,
    dropBoard,
    applyServerUpdate,
    closeBoard: (boardId) => closeBoardHere(rooms, connections, boardId),
    closeOutdated: (sessionId, docName, now) => {
      for (const connection of [...connections]) {
        if (connection.principal.sessionId === sessionId && connection.docName === docName) {
          // Its room holds the refused turn's updates: broken first, so that it is never
          // checkpointed (were this socket its last, its release would write one) and reloads.
          connection.room.markBroken();
          connection.close(closeCodeForChange(now));
        }
      }
    },
    boardsInUse: () => boardsInUseHere(rooms, connections),
    stats: () => ({ rooms: rooms.count, idleRooms: rooms.parkedCount, connections: connections.size }),
  };
}

interface Join {
  ws: WebSocket;
  principal: Principal;
  docName: string;
  access: 'read' | 'write';
}

function matches(connection: Connection, filter: RevalidateFilter): boolean {
  if (filter.boardId !== undefined && !connection.docName.startsWith(`board/${filter.boardId}/`)) return false;
  if (filter.userId !== undefined && connection.principal.userId !== filter.userId) return false;
  if (filter.sessionId !== undefined && connection.principal.sessionId !== filter.sessionId) return false;
  return true;
}
