/**
 * The reference relay: the least a y-protocols sync server can do. Rooms by name, no auth, no
 * access checks, no persistence, a room dropped when its last socket leaves. The product's
 * figures are judged as ratios to this floor, measured the same way on the same machine.
 *
 * Run: PORT=... node --import tsx bench/relay.ts (the bench starts it; it listens on 127.0.0.1).
 */
import { createServer } from 'node:http';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

interface Room {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** Socket -> awareness client ids it announced, removed when it leaves. */
  sockets: Map<WebSocket, Set<number>>;
}

const rooms = new Map<string, Room>();

function send(socket: WebSocket, message: Uint8Array): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(message);
}

function openRoom(name: string): Room {
  const existing = rooms.get(name);
  if (existing) return existing;
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const room: Room = { doc, awareness, sockets: new Map() };
  // Not echoed to the sender, as the product does not either: the floor does no needless work.
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const socket of room.sockets.keys()) if (socket !== origin) send(socket, message);
  });
  awareness.on(
    'update',
    ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const ids = origin instanceof WebSocket ? room.sockets.get(origin) : undefined;
      if (ids) {
        for (const id of added) ids.add(id);
        for (const id of removed) ids.delete(id);
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
      const message = encoding.toUint8Array(encoder);
      // To everyone, the sender too: y-websocket counts any message as a sign of life.
      for (const socket of room.sockets.keys()) send(socket, message);
    },
  );
  rooms.set(name, room);
  return room;
}

function join(socket: WebSocket, name: string): void {
  const room = openRoom(name);
  room.sockets.set(socket, new Set());
  socket.binaryType = 'nodebuffer';
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const encoder = encoding.createEncoder();
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.readSyncMessage(decoder, encoder, room.doc, socket);
      // Only sync step 1 produces an answer (step 2); the encoder holds just the type otherwise.
      if (encoding.length(encoder) > 1) send(socket, encoding.toUint8Array(encoder));
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), socket);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]),
      );
      send(socket, encoding.toUint8Array(encoder));
    }
  });
  socket.on('close', () => {
    const ids = room.sockets.get(socket);
    room.sockets.delete(socket);
    if (ids && ids.size > 0) awarenessProtocol.removeAwarenessStates(room.awareness, [...ids], null);
    if (room.sockets.size === 0) {
      rooms.delete(name);
      room.awareness.destroy();
      room.doc.destroy();
    }
  });
  // The same opening as the product: our sync step 1, then who is here.
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(step1, room.doc);
  send(socket, encoding.toUint8Array(step1));
  if (room.awareness.getStates().size > 0) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]),
    );
    send(socket, encoding.toUint8Array(encoder));
  }
}

const port = Number(process.env.PORT ?? 0);
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: false });
const server = createServer((_req, res) => {
  res.writeHead(404).end();
});
server.on('upgrade', (req, socket, head) => {
  const path = (req.url ?? '').split('?', 1)[0] ?? '';
  if (!path.startsWith('/yjs/')) {
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  const name = decodeURIComponent(path.slice('/yjs/'.length));
  wss.handleUpgrade(req, socket, head, (ws) => join(ws, name));
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`relay ready on ${typeof address === 'object' && address ? address.port : port}`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
