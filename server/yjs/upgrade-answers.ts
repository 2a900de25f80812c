import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { CloseCode, closeReason } from '../../lib/protocol/close-codes';
import type { DocAccess } from './types';

// How the sync server answers an upgrade or a socket it will not serve (yjs-server.ts).

/** How a socket is closed when its access is no longer what it was opened with. */
export function closeCodeForChange(now: DocAccess): number {
  if (now === 'read') return CloseCode.AccessReduced;
  if (now === 'write') return CloseCode.AccessIncreased;
  return CloseCode.AccessRevoked;
}

/** Closes a socket that has no connection (yet): reading resumes so the handshake can finish. */
export function closeSocket(ws: WebSocket, code: number): void {
  ws.resume();
  ws.close(code, closeReason(code));
}

/** Answers an upgrade with a plain HTTP status before any websocket exists, then hangs up. */
export function refuse(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` + 'Connection: close\r\nContent-Length: 0\r\n\r\n');
}
