/**
 * The board page's own channel client (components/browser/board-socket.ts) against the real
 * server: the socket.io protocol as socket.io 4 speaks it, the session's refusal and end (never
 * retried), a lost transport (retried, then joined again). Its heartbeat is checked against a
 * socket.io server of a short ping interval and against one that goes silent. The other channel
 * tests use socket.io-client, the reference client, so the server is checked against both.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, test } from 'node:test';
import { Server as SocketIoServer } from 'socket.io';
import { WebSocketServer } from 'ws';
import { createBoardSocket } from '../../components/browser/board-socket';
import type { BoardClientSocket, JoinReply } from '../../lib/protocol/board-events';
import { addMember, createBoard, person } from '../helpers/board';
import { socketSending } from '../helpers/provider-socket';
import { type RunningServer, startServer } from '../helpers/server';
import { sleep, waitFor } from '../helpers/wait';

interface PageChannel {
  socket: BoardClientSocket;
  /** Websockets opened so far: one per attempt. */
  opened: () => number;
  events: Array<{ name: string; detail: unknown }>;
  named(name: string): unknown[];
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A page's channel to `origin` (an http URL), sending `cookie` as the browser would. */
function pageChannel(httpOrigin: string, cookie: string | null, reconnectionDelayMs = 20): PageChannel {
  const WebSocketWithCookie = socketSending(cookie === null ? {} : { cookie });
  let opened = 0;
  const socket = createBoardSocket({
    origin: httpOrigin.replace(/^http/, 'ws'),
    reconnectionDelayMs,
    reconnectionDelayMaxMs: reconnectionDelayMs * 4,
    openTransport: (url) => {
      opened += 1;
      return new WebSocketWithCookie(url);
    },
  });
  const events: PageChannel['events'] = [];
  socket.on('connect', () => events.push({ name: 'connect', detail: null }));
  socket.on('disconnect', (reason) => events.push({ name: 'disconnect', detail: reason }));
  socket.on('connect_error', (error) => events.push({ name: 'connect_error', detail: error.message }));
  socket.on('presence', (message) => events.push({ name: 'presence', detail: message }));
  socket.on('board:changed', (message) => events.push({ name: 'board:changed', detail: message }));
  socket.on('session:ended', () => events.push({ name: 'session:ended', detail: null }));
  cleanups.push(() => socket.disconnect());
  socket.connect();
  return {
    socket,
    opened: () => opened,
    events,
    named: (name) => events.filter((e) => e.name === name).map((e) => e.detail),
  };
}

function join(socket: BoardClientSocket, boardId: string): Promise<JoinReply> {
  return new Promise((resolve) => socket.emit('board:join', { boardId }, resolve));
}

async function product(): Promise<RunningServer> {
  const server = await startServer();
  cleanups.push(() => server.dispose());
  return server;
}

test('joins a board, hears who is here and what changed, and is refused a board it is not on', async () => {
  const server = await product();
  const ivy = await person(server.url, 'Ivy');
  const fern = await person(server.url, 'Fern');
  const board = await createBoard(ivy, 'Own client');
  await addMember(ivy, board, fern, 'family');
  const ivyPage = pageChannel(server.url, ivy.cookieHeader());
  const fernPage = pageChannel(server.url, fern.cookieHeader());
  await waitFor(() => ivyPage.socket.connected && fernPage.socket.connected, 'both connected');

  assert.deepEqual(await join(ivyPage.socket, board), { ok: true, role: 'interventionist' });
  assert.deepEqual(await join(fernPage.socket, board), { ok: true, role: 'family' });
  const names = () =>
    ivyPage.named('presence').map((m) => (m as { people: Array<{ name: string }> }).people.map((p) => p.name));
  await waitFor(
    () => names().some((list) => list.join() === 'Fern,Ivy'),
    () => `presence: ${JSON.stringify(names())}`,
  );

  fernPage.socket.emit('presence:update', { boardId: board, section: 'logistics' });
  await waitFor(
    () =>
      ivyPage
        .named('presence')
        .some((m) =>
          (m as { people: Array<{ name: string; section: string | null }> }).people.some(
            (p) => p.section === 'logistics',
          ),
        ),
    "Fern's section reaches Ivy",
  );

  const gus = await person(server.url, 'Gus');
  await addMember(ivy, board, gus, 'family');
  await waitFor(() => fernPage.named('board:changed').length > 0, 'Fern hears of the new member');
  assert.equal((fernPage.named('board:changed')[0] as { topic: string }).topic, 'members');

  const elsewhere = await createBoard(gus, 'Not Fern’s');
  assert.deepEqual(await join(fernPage.socket, elsewhere), { ok: false, error: 'not_found' });
  assert.equal(fernPage.opened(), 1, 'one websocket all along');
});

test('a forged session is refused once and never retried', async () => {
  const server = await product();
  const page = pageChannel(server.url, 'next-auth.session-token=forged');
  await waitFor(() => page.named('connect_error').length > 0, 'refused');
  assert.deepEqual(page.named('connect_error'), ['unauthorized']);
  await sleep(300); // 15 retry delays
  assert.equal(page.opened(), 1, 'not retried');
  assert.equal(page.socket.connected, false);
});

test('a sign-out ends the connection for good; a lost transport is replaced and joined again', async () => {
  const server = await product();
  const ivy = await person(server.url, 'Ivy');
  const board = await createBoard(ivy, 'Reconnecting');
  const page = pageChannel(server.url, ivy.cookieHeader());
  page.socket.on('connect', () => void join(page.socket, board));
  await waitFor(() => page.named('presence').length > 0, 'joined');

  page.socket.dropTransport();
  assert.deepEqual(page.named('disconnect'), ['forced close']);
  await waitFor(() => page.named('connect').length === 2, 'connected again');
  await waitFor(() => page.named('presence').length > 1, 'joined again');
  assert.equal(page.opened(), 2);

  await ivy.signOut();
  await waitFor(() => page.named('disconnect').length === 2, 'disconnected by the server');
  assert.equal(page.named('session:ended').length, 1);
  assert.deepEqual(page.named('disconnect'), ['forced close', 'io server disconnect']);
  await sleep(300);
  assert.equal(page.opened(), 2, 'no reconnection after the server ended it');
});

/** A socket.io server on a free port; `options` as socket.io takes them. */
async function socketIoServer(pingIntervalMs: number, pingTimeoutMs: number) {
  const http = createServer();
  const io = new SocketIoServer(http, {
    transports: ['websocket'],
    pingInterval: pingIntervalMs,
    pingTimeout: pingTimeoutMs,
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  cleanups.push(() => new Promise<void>((resolve) => void io.close(() => resolve())));
  return { io, origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

test('answers every ping: a heartbeat of 40 ms keeps the connection for a second', async () => {
  const { io, origin } = await socketIoServer(40, 40);
  let serverDisconnects = 0;
  io.on('connection', (socket) => socket.on('disconnect', () => (serverDisconnects += 1)));
  const page = pageChannel(origin, null);
  await waitFor(() => page.socket.connected, 'connected');
  await sleep(1000);
  assert.equal(serverDisconnects, 0, 'the server never timed it out');
  assert.deepEqual(page.named('disconnect'), []);
  assert.equal(page.opened(), 1);
});

test('a server that stops pinging is given up after its interval and timeout, and another socket is made', async () => {
  // An Engine.IO endpoint that opens, connects, pings once and then says nothing more.
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(wss, 'listening');
  cleanups.push(() => new Promise<void>((resolve) => wss.close(() => resolve())));
  const received: string[] = [];
  wss.on('connection', (ws) => {
    ws.send('0{"sid":"s","upgrades":[],"pingInterval":60,"pingTimeout":60,"maxPayload":1000}');
    ws.on('message', (data) => {
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : '';
      received.push(text);
      if (text === '40') {
        ws.send('40{"sid":"t"}');
        setTimeout(() => ws.send('2'), 30);
      }
    });
  });
  const page = pageChannel(`http://127.0.0.1:${(wss.address() as AddressInfo).port}`, null);
  await waitFor(() => page.socket.connected, 'connected');
  const connectedAt = Date.now();
  await waitFor(() => page.named('disconnect').length > 0, 'given up');
  const silentFor = Date.now() - connectedAt;
  assert.deepEqual(page.named('disconnect'), ['ping timeout']);
  assert.ok(received.includes('3'), 'the ping was answered');
  // The ping at 30 ms set the deadline to 30 + 120 ms; not before.
  assert.ok(silentFor >= 140, `given up after ${silentFor} ms`);
  await waitFor(() => page.opened() === 2 && page.named('connect').length === 2, 'a new socket');
});
