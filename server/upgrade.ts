import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Realtime } from './channels';
import { isForeignOrigin } from './http/origin';

export const YJS_PATH_PREFIX = '/yjs/';
export const SOCKET_IO_PATH = '/socket.io/';

/**
 * Routes websocket upgrades by path. socket.io attaches its own upgrade listener (with
 * destroyUpgrade off, so it leaves other paths alone); Next's dev server wants /_next/ for
 * hot reload; everything else is refused, so no unknown path is ever left open.
 */
export function routeUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  deps: {
    realtime: Realtime;
    nextUpgrade: ((req: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>) | null;
  },
): void {
  socket.on('error', () => socket.destroy());
  const path = req.url ?? '';
  if (path.startsWith(YJS_PATH_PREFIX)) {
    // A page on another site may not open a document with its visitor's cookie (server/http/origin.ts).
    if (isForeignOrigin(req.headers.origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    deps.realtime.handleYjsUpgrade(req, socket, head);
    return;
  }
  if (path.startsWith(SOCKET_IO_PATH)) return;
  if (deps.nextUpgrade && path.startsWith('/_next/')) {
    deps.nextUpgrade(req, socket, head).catch(() => socket.destroy());
    return;
  }
  socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}
