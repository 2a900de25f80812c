import type { IncomingHttpHeaders } from 'node:http';
import type { SessionClaims } from '../auth/principal';
import type { RevalidateFilter } from '../yjs/yjs-server';

/**
 * What the web process and the sync process tell each other over the IPC channel (see
 * sync-process.ts). The channel carries JSON; an upgrade travels with its socket as the message's
 * handle. Each side parses what it receives: anything else is logged and dropped, never half-read.
 * A parsed message holds only the fields below, whatever else was sent.
 *
 * Checked by plain code rather than zod: the sync process loads nothing else that needs zod, which
 * was 2.7 MB of its heap (docs/performance.md, "What should change next", item 8).
 */

/** What the web process tells the sync process. */
export type ToSyncProcess =
  /**
   * A websocket upgrade for /yjs/...: the request line and headers, bytes read past them, and
   * the session its cookie names, verified by the web process (null: none, or not valid).
   */
  | {
      type: 'upgrade';
      method: string;
      url: string;
      headers: IncomingHttpHeaders;
      head: string;
      session: SessionClaims | null;
    }
  /** Access on a board (or of a session) shrank: re-check the matching open sockets, then answer `id`. */
  | { type: 'revalidate'; id: number; filter: RevalidateFilter }
  /**
   * A board was deleted: close its sockets, discard its rooms, remove its stored documents and
   * empty the write-ahead log of them, then answer `id`. Never an empty id, which could be taken
   * for every board.
   */
  | { type: 'drop-board'; id: number; boardId: string }
  /** An edit the server made (run mode's debrief entry): apply it as `userId`'s, then answer `id`. */
  | { type: 'apply-update'; id: number; doc: string; userId: string; update: string }
  /** Close every socket (rooms checkpointed) and exit. */
  | { type: 'close' };

/** What the sync process tells the web process. */
export type FromSyncProcess =
  | { type: 'ready'; pid: number }
  /** Every socket the revalidation `id` matched was re-checked (and closed if its access shrank). */
  | { type: 'revalidated'; id: number }
  /** The board of drop-board `id` is gone from this process's rooms and from the files. */
  | { type: 'dropped'; id: number }
  /** The server edit `id` was stored and sent (ok), or not stored at all. */
  | { type: 'applied'; id: number; ok: boolean };

/** The largest server edit, base64 (2 MiB of text). */
const MAX_UPDATE_CHARS = 2 * 1024 * 1024;

type Fields = { [key: string]: unknown };

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** A string of `min` to `max` characters (UTF-16 code units, as String.length counts). */
const isStringOf = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

/** Answers are matched to requests by this id: a whole number, 0 or more. */
const isRequestId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Header values as Node gives them: a string, a list of strings (set-cookie), or absent. */
function isHeaders(value: unknown): value is IncomingHttpHeaders {
  if (!isFields(value)) return false;
  return Object.values(value).every(
    (header) => header === undefined || isString(header) || (Array.isArray(header) && header.every(isString)),
  );
}

/** The session an upgrade's cookie names (null: not signed in). */
function parseSession(value: unknown): SessionClaims | null | undefined {
  if (value === null) return null;
  if (!isFields(value) || !isString(value.sessionId) || !isString(value.userId)) return undefined;
  return { sessionId: value.sessionId, userId: value.userId };
}

const FILTER_KEYS = ['boardId', 'userId', 'sessionId'] as const satisfies readonly (keyof RevalidateFilter)[];

/** Which open sockets to re-check: by board, person and session, each optional (none: every socket). */
function parseFilter(value: unknown): RevalidateFilter | null {
  if (!isFields(value)) return null;
  const filter: RevalidateFilter = {};
  for (const key of FILTER_KEYS) {
    const part = value[key];
    if (part === undefined) continue;
    if (!isString(part)) return null;
    filter[key] = part;
  }
  return filter;
}

/** Parses a message from the web process; null for anything else. */
export function parseToSyncProcess(message: unknown): ToSyncProcess | null {
  if (!isFields(message)) return null;
  const { id } = message;
  switch (message.type) {
    case 'upgrade': {
      const { method, url, headers, head } = message;
      const session = parseSession(message.session);
      if (!isString(method) || !isString(url) || !isHeaders(headers) || !isString(head)) return null;
      if (session === undefined) return null;
      return { type: 'upgrade', method, url, headers, head, session };
    }
    case 'revalidate': {
      const filter = parseFilter(message.filter);
      if (!isRequestId(id) || !filter) return null;
      return { type: 'revalidate', id, filter };
    }
    case 'drop-board': {
      const { boardId } = message;
      if (!isRequestId(id) || !isStringOf(boardId, 1, Infinity)) return null;
      return { type: 'drop-board', id, boardId };
    }
    case 'apply-update': {
      const { doc, userId, update } = message;
      if (!isRequestId(id) || !isStringOf(doc, 1, 512) || !isStringOf(userId, 1, 64)) return null;
      if (!isStringOf(update, 0, MAX_UPDATE_CHARS)) return null;
      return { type: 'apply-update', id, doc, userId, update };
    }
    case 'close':
      return { type: 'close' };
    default:
      return null;
  }
}

/** Parses a message from the sync process; null for anything else. */
export function parseFromSyncProcess(message: unknown): FromSyncProcess | null {
  if (!isFields(message)) return null;
  const { id } = message;
  switch (message.type) {
    case 'ready': {
      const { pid } = message;
      return typeof pid === 'number' && Number.isFinite(pid) ? { type: 'ready', pid } : null;
    }
    case 'revalidated':
    case 'dropped':
      return isRequestId(id) ? { type: message.type, id } : null;
    case 'applied': {
      const { ok } = message;
      return isRequestId(id) && typeof ok === 'boolean' ? { type: 'applied', id, ok } : null;
    }
    default:
      return null;
  }
}
