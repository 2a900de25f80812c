import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server } from 'socket.io';
import type { ClientToServerEvents, JoinReply, ServerToClientEvents } from '../../lib/protocol/board-events';
import { principalForSession, sessionExpiresAt } from '../auth/sessions';
import { principalFromCookieHeader } from '../auth/token';
import { env } from '../env';
import type { BusEvent } from '../events/bus';
import { toError } from '../http/errors';
import { allowSameOriginHandshake } from '../http/origin';
import { boardRole, can } from '../permissions';
import { redis } from '../redis';
import { resolveLimits } from '../yjs/limits';
import { SocketCaps } from '../yjs/socket-caps';
import { guardEvents } from './event-limit';
import { adapterListening } from './adapter-listening';
import { boardPresence } from './board-presence';
import { BoardRefSchema, PresenceUpdateSchema } from './payload-schemas';
import { PresenceRegistry } from './presence';
import { boardRoom, interventionistsRoom, sessionRoom, userRoom } from './rooms';
import { startSessionSweep } from './session-guard';
import type { BoardSocket, InterServerEvents, SocketData } from './socket-data';

/** The board channel counts its connections under one name in SocketCaps (which counts documents too). */
const CHANNEL = 'board-channel';

/**
 * socket.io makes the acknowledgement callback itself when the client asks for one; a client
 * can only send data in its place (never a function), so a function here is socket.io's.
 */
function isAck(value: unknown): value is (reply: JoinReply) => void {
  return typeof value === 'function';
}

/**
 * socket.io carries board-level events: who is here and where, and record changes made through
 * the HTTP API. Joining a board's room asks lib/permissions, like every other entry point.
 *
 * Several server processes (REDIS_URL set) share the board's people through socket.io's Redis
 * streams adapter, which picks up where it was after Redis restarts. Record changes do not go
 * through it: every process hears every bus event (relayed between processes through the
 * database), so each one tells only its own sockets (`io.local`). Sent through the adapter as
 * well, each socket would get every change once per process. The adapter carries only what
 * one process alone knows: who is connected to it, and where they are (board-presence.ts).
 * Re-checks and disconnections after a bus event also stay local, for the same reason.
 */
export function attachBoardChannel(server: HttpServer) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(server, {
    path: '/socket.io/',
    serveClient: false,
    // Leave other paths' upgrades alone (the Yjs server authenticates asynchronously).
    destroyUpgrade: false,
    maxHttpBufferSize: 16 * 1024,
    // No handshake from another site's page (server/http/origin.ts).
    allowRequest: allowSameOriginHandshake,
  });
  const redisClient = redis();
  if (redisClient) io.adapter(createAdapter(redisClient));
  const presence = new PresenceRegistry();
  const people = boardPresence(io, presence, redisClient);
  const limits = resolveLimits(env().REALTIME_LIMITS);
  // Connections per session and per person, counted like the sync server's sockets.
  const caps = new SocketCaps(limits);
  const guard = guardEvents(limits.channelEventsPerSecond);
  const sweep = startSessionSweep(
    io,
    limits.pingIntervalMs,
    async (principal) => (await principalForSession(principal.sessionId, principal.userId)) !== null,
  );

  io.use((socket, next) => {
    const admit = async (): Promise<Error | null> => {
      const principal = await principalFromCookieHeader(socket.request.headers.cookie);
      const expiresAt = principal ? await sessionExpiresAt(principal.sessionId) : null;
      if (!principal || expiresAt === null) return new Error('unauthorized');
      // Gone while its session was looked up: nothing to count (and no 'close' would follow).
      if (socket.conn.readyState !== 'open') return new Error('gone');
      // The page's client (like socket.io-client) reports this as connect_error and does not retry by itself.
      if (caps.admit(principal, CHANNEL) !== null) return new Error('too_many_connections');
      // Given back once, however the connection ends: a client gone between this check and
      // the connection is never connected (no 'disconnect'), but its transport closes.
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        caps.release(principal, CHANNEL);
      };
      socket.once('disconnect', release);
      socket.conn.once('close', release);
      socket.data.principal = principal;
      socket.data.sessionExpiresAt = expiresAt;
      socket.data.boards = new Map();
      return null;
    };
    admit().then(
      (refusal) => next(refusal ?? undefined),
      (error: unknown) => next(toError(error)),
    );
  });

  const leaveBoard = (socket: BoardSocket, boardId: string) => {
    socket.data.boards.delete(boardId);
    void socket.leave(boardRoom(boardId));
    void socket.leave(interventionistsRoom(boardId));
    if (presence.remove(boardId, socket.id)) people.changed(boardId);
  };

  io.on('connection', (socket) => {
    const { principal } = socket.data;
    guard(socket);
    void socket.join(userRoom(principal.userId));
    void socket.join(sessionRoom(principal.sessionId));

    // Payloads are typed `unknown`: whatever the event maps say, the browser is not trusted.
    socket.on('board:join', async (payload: unknown, ack: unknown) => {
      const reply = isAck(ack) ? ack : () => undefined;
      try {
        const parsed = BoardRefSchema.safeParse(payload);
        if (!parsed.success) return reply({ ok: false, error: 'invalid_request' });
        const { boardId } = parsed.data;
        const role = await boardRole(principal.userId, boardId);
        if (!can(role, 'board.view') || role === null) return reply({ ok: false, error: 'not_found' });
        socket.data.boards.set(boardId, role);
        await socket.join(boardRoom(boardId));
        if (can(role, 'channel.interventionists')) await socket.join(interventionistsRoom(boardId));
        presence.set(boardId, socket.id, { userId: principal.userId, name: principal.name, role, section: null });
        people.changed(boardId);
        reply({ ok: true, role });
      } catch (error) {
        console.error('board:join failed', toError(error));
        reply({ ok: false, error: 'internal' });
      }
    });

    socket.on('board:leave', (payload: unknown) => {
      const parsed = BoardRefSchema.safeParse(payload);
      if (parsed.success && socket.data.boards.has(parsed.data.boardId)) leaveBoard(socket, parsed.data.boardId);
    });

    socket.on('presence:update', (payload: unknown) => {
      const parsed = PresenceUpdateSchema.safeParse(payload);
      if (!parsed.success || !socket.data.boards.has(parsed.data.boardId)) return;
      if (presence.setSection(parsed.data.boardId, socket.id, parsed.data.section)) people.changed(parsed.data.boardId);
    });

    socket.on('disconnect', () => {
      for (const boardId of [...socket.data.boards.keys()]) leaveBoard(socket, boardId);
    });
  });

  /** Re-checks every socket on a board after a record change; those that lost access leave. */
  async function recheckBoard(boardId: string): Promise<void> {
    // This process's sockets: the others re-check theirs, as they hear the same event.
    const sockets = await io.local.in(boardRoom(boardId)).fetchSockets();
    for (const remote of sockets) {
      const socket = io.sockets.sockets.get(remote.id);
      if (!socket) continue;
      const role = await boardRole(socket.data.principal.userId, boardId);
      if (role === null) {
        leaveBoard(socket, boardId);
        socket.emit('board:access-lost', { boardId });
      } else if (role !== socket.data.boards.get(boardId)) {
        socket.data.boards.set(boardId, role);
        if (can(role, 'channel.interventionists')) await socket.join(interventionistsRoom(boardId));
        else await socket.leave(interventionistsRoom(boardId));
        presence.setRole(boardId, socket.id, role);
        socket.emit('board:role-changed', { boardId, role });
        people.changed(boardId);
      }
    }
  }

  async function onBusEvent(event: BusEvent): Promise<void> {
    switch (event.type) {
      case 'session-revoked':
        io.local.to(sessionRoom(event.sessionId)).emit('session:ended', {});
        io.local.in(sessionRoom(event.sessionId)).disconnectSockets(true);
        return;
      case 'access-changed':
        await recheckBoard(event.boardId);
        return;
      case 'board-deleted':
        io.local.to(boardRoom(event.boardId)).emit('board:deleted', { boardId: event.boardId });
        io.local
          .in(boardRoom(event.boardId))
          .socketsLeave([boardRoom(event.boardId), interventionistsRoom(event.boardId)]);
        return;
      case 'board-changed': {
        const message = { boardId: event.boardId, topic: event.topic, detail: event.detail };
        if (event.audience.kind === 'board') {
          io.local.to(boardRoom(event.boardId)).emit('board:changed', message);
        } else {
          // Private events reach only the named people and the board's interventionists.
          const rooms = [interventionistsRoom(event.boardId), ...event.audience.userIds.map(userRoom)];
          io.local.to(rooms).emit('board:changed', message);
        }
        return;
      }
      case 'run': {
        // Run mode: the state to the whole board; a signal to the team, a request to step out to
        // the interventionists only (server/run/publish.ts picks the audience).
        const message = { boardId: event.boardId, ...event.message };
        if (event.audience.kind === 'board') io.local.to(boardRoom(event.boardId)).emit('run', message);
        else
          io.local
            .to([interventionistsRoom(event.boardId), ...event.audience.userIds.map(userRoom)])
            .emit('run', message);
        return;
      }
      case 'doc-edit':
        return;
      case 'notify': {
        // Sent by the server when it stored a question or an answer: the browser only listens.
        const message = { boardId: event.boardId, kind: event.kind, from: event.from };
        if (event.to.kind === 'user') io.local.to(userRoom(event.to.userId)).emit('notify', message);
        else io.local.to(interventionistsRoom(event.boardId)).except(userRoom(event.to.except)).emit('notify', message);
        return;
      }
    }
  }

  // Events are handled one after another, so a removed member's socket has left the room
  // before the "members changed" message that follows the removal is sent to that room.
  let queue: Promise<void> = Promise.resolve();
  const handleBusEvent = (event: BusEvent): Promise<void> => {
    queue = queue
      .then(() => onBusEvent(event))
      .catch((error: unknown) => console.error('board channel event failed', toError(error)));
    return queue;
  };

  return {
    io,
    handleBusEvent,
    /** Resolves once the Redis adapter listens (at once without Redis): index.ts listens after it. */
    ready: redisClient ? adapterListening(io, redisClient).then(() => undefined) : Promise.resolve(),
    /**
     * Cuts every connection ('transport close': clients reconnect once the server is back).
     * Not io.close(), which also closes the http server: index.ts closes that once itself (a
     * second close never calls back once sockets were handed to the sync process).
     */
    close: (): void => {
      sweep.stop();
      // The sockets' departures are still told to the other processes (through the shared
      // client, which server/redis.ts closes); then this process stops reading from Redis.
      io.engine.close();
      people.stop();
      void io.of('/').adapter.close();
    },
  };
}

export type BoardChannel = ReturnType<typeof attachBoardChannel>;
