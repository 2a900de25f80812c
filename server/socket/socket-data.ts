import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, PresencePerson, ServerToClientEvents } from '../../lib/protocol/board-events';
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

/**
 * What server processes tell each other through the Redis adapter (server/socket/board-presence.ts):
 * that presence on a board changed, and, asked, who of theirs is on it.
 */
export interface InterServerEvents {
  'presence:changed': (boardId: string) => void;
  'presence:list': (boardId: string, reply: (people: PresencePerson[]) => void) => void;
}

export type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
