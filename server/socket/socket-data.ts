import type { Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/protocol/board-events';
import type { Role } from '../../lib/roles';
import type { Principal } from '../auth/principal';

/** What the server keeps on each socket: set by the handshake middleware, before any event. */
export interface SocketData {
  principal: Principal;
  /** When its session runs out (ms since the epoch): events after it are refused. */
  sessionExpiresAt: number;
  /** Boards this socket has joined, with the role it was admitted under. */
  boards: Map<string, Role>;
}

/** One process: the servers tell each other nothing (a Redis adapter would add events here). */
export type InterServerEvents = Record<string, never>;

export type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
