import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { CloseCode, closeReason } from '../../lib/protocol/close-codes';
import { resolveLimits, type RealtimeLimits } from './limits';
import { Connection } from './connection';
import { parseDocName, YJS_PATH_PREFIX } from './doc-path';
import { LogQuota } from './log-quota';
import { storedStateMessages } from './protocol';
import { RoomBrokenError, type Log, type Room, type RoomMember } from './room';
import { RollingSweep } from './rolling-sweep';
import { RoomManager } from './room-manager';
import { SocketCaps } from './socket-caps';
import type { DocStorage, StoredParts } from './storage';
import { TurnBatch } from './turn-batch';
import type { DocAccess, Principal } from './types';

export type { DocAccess, Principal } from './types';
export { YJS_PATH_PREFIX } from './doc-path';

export interface YjsServerOptions {
  /** Where documents are loaded from and every accepted update is logged, synchronously. */
  storage: DocStorage;
  /** Authenticates a raw upgrade request (session cookie); null when not signed in. */
  authenticate(req: IncomingMessage): Promise<Principal | null>;
  /**
   * The project's one permission function. Returns 'none' for unknown or malformed names too,
   * and for a principal whose session was revoked: revalidate relies on that to cut sessions.
   */
  docAccess(principal: Principal, docName: string): Promise<DocAccess>;
  /**
   * Whether the principal's session is still live (not signed out, not expired). When given,
   * revalidation closes a dead session's sockets with NotAuthenticated ("sign in again")
   * rather than AccessRevoked ("you lost access"), so the page can say which.
   */
  isSessionLive?(principal: Principal): Promise<boolean>;
  log?(event: string, detail: Record<string, unknown>): void;
  /** Overrides of server/yjs/limits.ts (tests use a small checkpoint interval). */
  limits?: Partial<RealtimeLimits>;
}

export interface RevalidateFilter {
  /** Documents named `board/<boardId>/...`. */
  boardId?: string;
  userId?: string;
  sessionId?: string;
}

export interface YjsServer {
  /** Called by the http server's 'upgrade' listener for paths starting with /yjs/. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Re-runs docAccess for every open connection matching the filter (all fields must match;
   * no filter: every connection) and closes at once those whose access changed:
   * none -> AccessRevoked, write -> read -> AccessReduced, read -> write -> AccessIncreased.
   * Upgrades in flight re-check their access too. Resolves when every check has finished.
   */
  revalidate(filter?: RevalidateFilter): Promise<void>;
  /** Closes sockets with ServerShutdown (checkpointing every room) and refuses new ones. */
  close(): Promise<void>;
  /**
   * Discards every room of a deleted board without checkpointing and closes its sockets with
   * AccessRevoked; the caller then removes the board's stored documents for good.
   */
  dropBoard(boardId: string): Promise<void>;
  /**
   * Applies an update the server made itself (run mode writing what happened into a debrief) as
   * `userId`'s edit, exactly as a writer's: within a turn's batch, logged before it is applied and
   * sent to everyone in the room, the room loaded first if nobody has it open. Resolves once it
   * is stored; rejects if it was not (nothing of it was then sent).
   */
  applyServerUpdate(docName: string, userId: string, update: Uint8Array): Promise<void>;
  /** Rooms someone holds, loaded rooms nobody holds (see RoomManager), open sockets. */
  stats(): { rooms: number; idleRooms: number; connections: number };
}

/** Each ping interval is cut into this many ticks; each tick visits that share of the sockets. */
const HEARTBEAT_TICKS = 30;

/** Re-checks of an upgrade racing with revalidations before it gives up (503, client retries). */
const MAX_ACCESS_CHECKS = 5;

/** The origin of the server's own edits: not a member of any room, so every member is sent them. */
const SERVER_EDIT: RoomMember = { send: () => undefined };

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
  // Bumped by every server edit: a join to a room nobody had open, which read the stored state
  // before the edit was stored, loads the room afresh instead of from what it read.
  let serverEdits = 0;

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
      // Their documents hold updates the log does not: every socket goes (its client resends
      // what it sent in its next sync step 2) and the next join loads the log.
      for (const room of touched) closeRoom(room, CloseCode.InternalError);
    }),
    onDetached(connection: Connection): void {
      connections.delete(connection);
      rooms.release(connection.room);
    },
    onRoomBroken(room: Room, sender: Connection): void {
      reloadRoom(room, sender);
    },
  };

  /** Closes every socket of a room whose document cannot be trusted, and drops it unsaved. */
  function closeRoom(room: Room, code: number): void {
    // Its document may hold what the log does not: no checkpoint of it may be written.
    room.markBroken();
    rooms.evict(room);
    for (const connection of [...connections]) {
      if (connection.room === room) connection.close(code);
    }
  }

  /**
   * An update failed half-way through `room`'s document; its sender is already closed. The room
   * is dropped unsaved and loaded again from the log (which never held that update), and its
   * other sockets carry on there, their presence with them: they were sent nothing of the
   * broken update (Room holds what Yjs emits until an update has applied whole), so each holds
   * exactly what the log holds. One update that breaks a room cuts its sender only.
   */
  function reloadRoom(room: Room, sender: Connection | null): void {
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
      log('yjs.load-error', { doc: room.name, error: String(error) });
      for (const connection of survivors) connection.close(CloseCode.InternalError);
      return;
    }
    // Loaded inside this turn's transaction: should its commit fail, this room goes too.
    hooks.batch.touch(fresh);
    if (presence) fresh.restoreAwareness(presence);
    for (const connection of survivors) connection.moveTo(fresh);
    log('yjs.room-reloaded', { doc: room.name, sockets: survivors.length });
  }

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
      let stored: StoredParts | null;
      try {
        stored = rooms.isLoaded(docName) ? null : rooms.readStored(docName);
      } catch (error) {
        log('yjs.load-error', { doc: docName, error: String(error) });
        return closeSocket(ws, CloseCode.InternalError);
      }
      const join: Join = { ws, principal, docName, access, serverEdits };
      if (!stored) return open(join, null);
      // Rebuilding a room holds the thread for tens of milliseconds on a large document. The
      // stored state goes out now and the room is built in a later turn, so those bytes leave
      // the process, and other rooms' messages and pings pass, before the rebuild. Nothing the
      // client sends is read meanwhile: its connection does not exist yet.
      for (const message of storedStateMessages(stored.parts)) ws.send(message);
      ws.pause();
      const seen = epoch;
      setImmediate(() => {
        completeColdJoin(join, stored, seen).catch((error: unknown) => {
          log('yjs.upgrade-error', { doc: docName, error: String(error) });
          closeSocket(ws, CloseCode.InternalError);
        });
      });
    });
  }

  /** Second step of a join to a room nobody had open: access re-checked if it may have changed. */
  async function completeColdJoin(join: Join, stored: StoredParts, seen: number): Promise<void> {
    if (join.ws.readyState !== WebSocket.OPEN) return;
    const rechecked = epoch !== seen;
    if (rechecked) {
      // A revalidation ran between the two steps and could not see this socket: ask again.
      const now = await accessWithoutRace(join.principal, join.docName);
      if (now === null) return closeSocket(join.ws, CloseCode.TryAgainLater);
      if (now !== join.access) return closeSocket(join.ws, closeCodeForChange(now));
    }
    if (closing) return closeSocket(join.ws, CloseCode.ServerShutdown);
    // Within one turn nothing can change the stored state of a room nobody has open. After a
    // re-check (which awaited) it may have, a server edit between the two steps has, and another
    // join may have loaded the room: then the room is loaded (or found) afresh and this client
    // syncs with it as with any open room.
    const edited = serverEdits !== join.serverEdits;
    open(join, rechecked || edited || rooms.isLoaded(join.docName) ? null : stored);
    join.ws.resume();
  }

  /** Registers the connection on its room, loading the room from `stored` if given. */
  function open(join: Join, stored: StoredParts | null): void {
    const { ws, principal, docName, access } = join;
    let room: Room;
    try {
      room = rooms.acquire(docName, stored ?? undefined);
    } catch (error) {
      log('yjs.load-error', { doc: docName, error: String(error) });
      closeSocket(ws, CloseCode.InternalError);
      return;
    }
    const connection = new Connection(ws, principal, docName, access, room, hooks, { stateSent: stored !== null });
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
    // Messages already read are handled (and stored) before the sockets go.
    hooks.batch.flush();
    const all = [...connections];
    for (const connection of all) connection.close(CloseCode.ServerShutdown);
    await Promise.all(all.map((connection) => connection.whenClosed));
    rooms.unloadParked();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
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
    // The same bounds as a name in an upgrade's path (doc-path.ts); the web process made it from ids.
    if (parseDocName(`${YJS_PATH_PREFIX}${encodeURIComponent(docName)}`) !== docName)
      return Promise.reject(new Error('not a document name'));
    let room: Room;
    try {
      room = rooms.acquire(docName);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    serverEdits++;
    return new Promise<void>((resolve, reject) => {
      let failure: unknown = null;
      hooks.batch.enqueue(room, () => {
        try {
          room.applyClientUpdate(update, userId, SERVER_EDIT);
        } catch (error) {
          failure = error;
          // Nothing of it went out; the room's other sockets carry on in a room reloaded from the log.
          if (error instanceof RoomBrokenError) reloadRoom(room, null);
        }
      });
      // Runs after the batch above has committed (or failed): setImmediate keeps its order.
      setImmediate(() => {
        const stored = failure === null && !room.isBroken;
        rooms.release(room);
        if (stored) resolve();
        else reject(failure instanceof Error ? failure : new Error('the server edit was not stored'));
      });
    });
  }

  return {
    handleUpgrade,
    revalidate,
    close,
    dropBoard,
    applyServerUpdate,
    stats: () => ({ rooms: rooms.count, idleRooms: rooms.parkedCount, connections: connections.size }),
  };
}

interface Join {
  ws: WebSocket;
  principal: Principal;
  docName: string;
  access: 'read' | 'write';
  /** The server edits counted when its stored state was read. */
  serverEdits: number;
}

/** How a socket is closed when its access is no longer what it was opened with. */
function closeCodeForChange(now: DocAccess): number {
  if (now === 'read') return CloseCode.AccessReduced;
  if (now === 'write') return CloseCode.AccessIncreased;
  return CloseCode.AccessRevoked;
}

/** Closes a socket that has no connection (yet): reading resumes so the handshake can finish. */
function closeSocket(ws: WebSocket, code: number): void {
  ws.resume();
  ws.close(code, closeReason(code));
}

function matches(connection: Connection, filter: RevalidateFilter): boolean {
  if (filter.boardId !== undefined && !connection.docName.startsWith(`board/${filter.boardId}/`)) return false;
  if (filter.userId !== undefined && connection.principal.userId !== filter.userId) return false;
  if (filter.sessionId !== undefined && connection.principal.sessionId !== filter.sessionId) return false;
  return true;
}

/** Answers an upgrade with a plain HTTP status before any websocket exists, then hangs up. */
function refuse(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` + 'Connection: close\r\nContent-Length: 0\r\n\r\n');
}
