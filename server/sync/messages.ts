import type { IncomingHttpHeaders } from 'node:http';
import type { RevalidateFilter } from '../yjs/yjs-server';

/**
 * What the web process tells the sync process over the IPC channel (see sync-process.ts).
 * The channel carries JSON; an upgrade travels with its socket as the message's handle.
 */
export type ToSyncProcess =
  /** A websocket upgrade for /yjs/...: the request line and headers, and bytes read past them. */
  | { type: 'upgrade'; method: string; url: string; headers: IncomingHttpHeaders; head: string }
  /** Access on a board (or of a session) shrank: re-check the matching open sockets, then answer `id`. */
  | { type: 'revalidate'; id: number; filter: RevalidateFilter }
  /** A board was deleted: close its sockets, discard its rooms, remove its stored documents. */
  | { type: 'drop-board'; boardId: string }
  /** Close every socket (rooms checkpointed) and exit. */
  | { type: 'close' };

/** What the sync process tells the web process. */
export type FromSyncProcess =
  | { type: 'ready'; pid: number }
  /** Every socket the revalidation `id` matched was re-checked (and closed if its access shrank). */
  | { type: 'revalidated'; id: number };

/** Parses a message from the web process; null for anything else (it is logged and dropped). */
export function parseToSyncProcess(message: unknown): ToSyncProcess | null {
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'upgrade': {
      const { method, url, headers, head } = message;
      if (typeof method !== 'string' || typeof url !== 'string' || typeof head !== 'string' || !isHeaders(headers)) return null;
      return { type: 'upgrade', method, url, headers, head };
    }
    case 'revalidate': {
      const { id, filter } = message;
      if (!isRequestId(id) || !isRecord(filter)) return null;
      const parsed: RevalidateFilter = {};
      for (const key of ['boardId', 'userId', 'sessionId'] as const) {
        const value = filter[key];
        if (value === undefined) continue;
        if (typeof value !== 'string') return null;
        parsed[key] = value;
      }
      return { type: 'revalidate', id, filter: parsed };
    }
    case 'drop-board':
      return typeof message.boardId === 'string' && message.boardId !== '' ? { type: 'drop-board', boardId: message.boardId } : null;
    case 'close':
      return { type: 'close' };
    default:
      return null;
  }
}

/** Parses a message from the sync process; null for anything else. */
export function parseFromSyncProcess(message: unknown): FromSyncProcess | null {
  if (!isRecord(message)) return null;
  if (message.type === 'ready' && typeof message.pid === 'number') return { type: 'ready', pid: message.pid };
  if (message.type === 'revalidated' && isRequestId(message.id)) return { type: 'revalidated', id: message.id };
  return null;
}

function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHeaders(value: unknown): value is IncomingHttpHeaders {
  if (!isRecord(value)) return false;
  return Object.values(value).every(
    (entry) => entry === undefined || typeof entry === 'string' || (Array.isArray(entry) && entry.every((part) => typeof part === 'string')),
  );
}
