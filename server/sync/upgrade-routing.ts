import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { sql, type Kysely } from 'kysely';
import { parseDocName } from '../../lib/doc-names';
import type { Database } from '../db/schema';
import { parseDocName as docNameOfPath } from '../yjs/doc-path';
import { startReading } from './socket-reading';

/** Set on an upgrade passed to the board's owner: that process serves it itself, never passes it on. */
export const FORWARDED_HEADER = 'x-board-forwarded-by';

/** An owner that answers nothing this long (paused, cut off) loses the socket: its client reconnects. */
const OWNER_ANSWER_MS = 5000;

/**
 * Any process accepts any document socket (no proxy needs to know about boards); one whose
 * board another live process serves is passed to that process, which checks it exactly as its
 * own (session, the permission function). Which process serves a board is its lease row
 * (server/sync/board-leases.ts). A board nobody serves, or whose lease expired, is served here.
 */
export function upgradeRouter(kysely: Kysely<Database>, ownAddress: string) {
  return {
    /** The address of the process serving this upgrade's board, when it is another live one. */
    async ownerElsewhere(req: IncomingMessage): Promise<string | null> {
      if (req.headers[FORWARDED_HEADER] !== undefined) return null;
      const docName = docNameOfPath(req.url);
      const boardId = docName === null ? null : parseDocName(docName)?.boardId;
      if (!boardId) return null;
      const lease = await kysely
        .selectFrom('board_leases')
        .select([
          'address',
          sql<boolean>`expires_at > (extract(epoch from clock_timestamp()) * 1000)::bigint`.as('live'),
        ])
        .where('board_id', '=', boardId)
        .executeTakeFirst();
      return lease?.live && lease.address !== ownAddress ? lease.address : null;
    },
  };
}

/**
 * Passes an upgrade, as it came, to the process at `address` and joins the two sockets. The
 * request is written again from what was parsed (method, path, headers, and whatever the
 * client sent after them), with the mark that stops it from being passed on again.
 */
export function forwardUpgrade(
  req: IncomingMessage,
  socket: Socket,
  head: Buffer,
  address: string,
  from: string,
): void {
  const [host = '', port = ''] = splitAddress(address);
  const upstream = connect({ host, port: Number(port) });
  const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.toLowerCase() === FORWARDED_HEADER) continue;
    lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  }
  lines.push(`${FORWARDED_HEADER}: ${from}`);
  const answered = setTimeout(() => {
    upstream.destroy();
    socket.destroy();
  }, OWNER_ANSWER_MS);
  upstream.once('data', () => clearTimeout(answered));
  upstream.on('connect', () => {
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    socket.pipe(upstream);
    upstream.pipe(socket);
    startReading(socket);
  });
  const end = () => {
    clearTimeout(answered);
    upstream.destroy();
    socket.destroy();
  };
  // The owner went away (or never answered): the client reconnects and is routed afresh.
  upstream.on('error', end);
  upstream.on('close', end);
  socket.on('error', end);
  socket.on('close', end);
}

function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf(':');
  return [address.slice(0, at), address.slice(at + 1)];
}
