import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import type { RevalidateFilter } from '../yjs/yjs-server';

/**
 * What the web process and the sync process tell each other over the IPC channel (see
 * sync-process.ts). The channel carries JSON; an upgrade travels with its socket as the message's
 * handle. Each side parses what it receives: anything else is logged and dropped, never half-read.
 */

/** Answers are matched to requests by this id. */
const RequestId = z.number().int().nonnegative();

const HeaderValues = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.undefined()]));
/** Node types a few headers more narrowly than a record can (set-cookie as string[]); HeaderValues does the check. */
const Headers = z.custom<IncomingHttpHeaders>((value) => HeaderValues.safeParse(value).success);

const Filter = z.object({
  boardId: z.string().optional(),
  userId: z.string().optional(),
  sessionId: z.string().optional(),
}) satisfies z.ZodType<RevalidateFilter>;

/** What the web process tells the sync process. */
const ToSyncProcessSchema = z.discriminatedUnion('type', [
  /** A websocket upgrade for /yjs/...: the request line and headers, and bytes read past them. */
  z.object({ type: z.literal('upgrade'), method: z.string(), url: z.string(), headers: Headers, head: z.string() }),
  /** Access on a board (or of a session) shrank: re-check the matching open sockets, then answer `id`. */
  z.object({ type: z.literal('revalidate'), id: RequestId, filter: Filter }),
  /**
   * A board was deleted: close its sockets, discard its rooms, remove its stored documents and
   * empty the write-ahead log of them, then answer `id`. Never an empty id, which could be taken
   * for every board.
   */
  z.object({ type: z.literal('drop-board'), id: RequestId, boardId: z.string().min(1) }),
  /** An edit the server made (run mode's debrief entry): apply it as `userId`'s, then answer `id`. */
  z.object({
    type: z.literal('apply-update'),
    id: RequestId,
    doc: z.string().min(1).max(512),
    userId: z.string().min(1).max(64),
    update: z.string().max(2 * 1024 * 1024),
  }),
  /** Close every socket (rooms checkpointed) and exit. */
  z.object({ type: z.literal('close') }),
]);
export type ToSyncProcess = z.infer<typeof ToSyncProcessSchema>;

/** What the sync process tells the web process. */
const FromSyncProcessSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number() }),
  /** Every socket the revalidation `id` matched was re-checked (and closed if its access shrank). */
  z.object({ type: z.literal('revalidated'), id: RequestId }),
  /** The board of drop-board `id` is gone from this process's rooms and from the files. */
  z.object({ type: z.literal('dropped'), id: RequestId }),
  /** The server edit `id` was stored and sent (ok), or not stored at all. */
  z.object({ type: z.literal('applied'), id: RequestId, ok: z.boolean() }),
]);
export type FromSyncProcess = z.infer<typeof FromSyncProcessSchema>;

/** Parses a message from the web process; null for anything else. */
export function parseToSyncProcess(message: unknown): ToSyncProcess | null {
  const parsed = ToSyncProcessSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}

/** Parses a message from the sync process; null for anything else. */
export function parseFromSyncProcess(message: unknown): FromSyncProcess | null {
  const parsed = FromSyncProcessSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}
