/**
 * The socket.io board channel's events, as both sides see them (docs/realtime.md, section 9):
 * the server's `Server<ClientToServerEvents, ServerToClientEvents, ...>` and the browser's
 * `BoardClientSocket`. The server still validates every incoming payload (server/socket/):
 * these types say what an honest browser sends, not what arrives.
 */
import type { Role } from '../roles';
import type { RunMessage } from '../run/types';

/** The kinds of records whose changes `board:changed` announces; the page asks again for those. */
export const BOARD_TOPICS = [
  'members',
  'invites',
  'letters',
  'attempts',
  'board',
  'readiness',
  'versions',
  'debrief',
  'questions',
] as const;
export type BoardTopic = (typeof BOARD_TOPICS)[number];

/** One person on a board now; someone with two tabs is listed once. */
export interface PresencePerson {
  userId: string;
  name: string;
  role: Role;
  /** The plan section the person is looking at, or null. */
  section: string | null;
}

export interface BoardRef {
  boardId: string;
}

export interface PresenceUpdate extends BoardRef {
  section: string | null;
}

/** A board the person does not belong to is `not_found`, like one that does not exist. */
export type JoinReply = { ok: true; role: Role } | { ok: false; error: 'invalid_request' | 'not_found' | 'internal' };

export interface ClientToServerEvents {
  'board:join': (payload: BoardRef, ack: (reply: JoinReply) => void) => void;
  'board:leave': (payload: BoardRef) => void;
  'presence:update': (payload: PresenceUpdate) => void;
}

export interface PresenceMessage extends BoardRef {
  /** Sorted by name. */
  people: PresencePerson[];
}

export interface BoardChangedMessage extends BoardRef {
  topic: BoardTopic;
  /** Only what every receiver may see; never document content. */
  detail: Record<string, unknown>;
}

export interface RoleChangedMessage extends BoardRef {
  role: Role;
}

export type NotifyKind = 'question-asked' | 'question-answered' | 'letter-submitted';

export interface NotifyMessage extends BoardRef {
  kind: NotifyKind;
  /** The name of the person who asked, answered or sent a letter for review. */
  from: string;
}

/** A moment of run mode on one board (lib/run/types.ts); no plan or letter content, only ids and names. */
export type RunChannelMessage = BoardRef & RunMessage;

export interface ServerToClientEvents {
  presence: (message: PresenceMessage) => void;
  'board:changed': (message: BoardChangedMessage) => void;
  'board:role-changed': (message: RoleChangedMessage) => void;
  'board:access-lost': (message: BoardRef) => void;
  'board:deleted': (message: BoardRef) => void;
  /** The session signed out: the server disconnects; do not reconnect with that cookie. */
  'session:ended': (message: Record<string, never>) => void;
  notify: (message: NotifyMessage) => void;
  run: (message: RunChannelMessage) => void;
}

/** What the browser's end of the channel tells its page about the connection itself. */
export interface ChannelLifecycleEvents {
  connect: () => void;
  /** `reason`: 'io server disconnect' (no reconnection), 'io client disconnect', or a lost transport. */
  disconnect: (reason: string) => void;
  /** A failed attempt (retried), or the server's refusal (`error.message`, not retried). */
  connect_error: (error: Error) => void;
}

type ClientListeners = ServerToClientEvents & ChannelLifecycleEvents;

/** The browser's end of the channel (components/browser/board-socket.ts). */
export interface BoardClientSocket {
  readonly connected: boolean;
  on<E extends keyof ClientListeners>(event: E, listener: ClientListeners[E]): void;
  off<E extends keyof ClientListeners>(event: E, listener: ClientListeners[E]): void;
  removeAllListeners(): void;
  /** Sent only while connected; an acknowledgement is called once, if the server answers. */
  emit<E extends keyof ClientToServerEvents>(event: E, ...args: Parameters<ClientToServerEvents[E]>): void;
  /** Connects, and keeps reconnecting after lost transports until `disconnect()`. */
  connect(): void;
  disconnect(): void;
  /** Lets go of the websocket as if the network had dropped it; a new one is made after the backoff. */
  dropTransport(): void;
  /** Resolves once the latest websocket has finished closing. */
  whenClosed(): Promise<void>;
}
