/**
 * The socket.io board channel's events, as both sides see them (docs/realtime.md, section 9):
 * the server's `Server<ClientToServerEvents, ServerToClientEvents, ...>` and the browser's
 * `BoardClientSocket`. The server still validates every incoming payload (server/socket/):
 * these types say what an honest browser sends, not what arrives.
 */
import type { Socket } from 'socket.io-client';
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

/** The browser's end of the channel (and a Node client's: socket.io-client runs in both). */
export type BoardClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
