/**
 * Who is on a board, across server processes that share a Redis (server/socket/board-presence.ts):
 * each process lists its own people and asks the others for theirs, so everyone on a board sees
 * the same people wherever their socket landed. Here three socket.io servers in this process,
 * each with its own Redis clients and streams adapter, stand for three processes; the whole app
 * on two processes is test/integration/redis-socketio.test.ts.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { afterEach, test } from 'node:test';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  PresenceMessage,
  PresencePerson,
  ServerToClientEvents,
} from '../../lib/protocol/board-events';
import { connectRedis, type RedisClient } from '../../server/redis';
import { boardPresence } from '../../server/socket/board-presence';
import { PresenceRegistry } from '../../server/socket/presence';
import { boardRoom } from '../../server/socket/rooms';
import type { BoardServer, InterServerEvents, SocketData } from '../../server/socket/socket-data';
import { sleep, waitFor } from '../helpers/wait';

function redisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: run the tests through `npm test`, which starts Redis');
  return url;
}

// A stream and channels of this run only, on a Redis other files use too.
const RUN = `test-${randomBytes(4).toString('hex')}`;
/** Processes of one group hear each other only: each test has its own. */
let group = 0;
const BOARD = 'board-1';
/** How long the adapters' stream reads block (the adapter's default is 5 s). */
const READ_BLOCK_MS = 100;

interface Node {
  url: string;
  close(): Promise<void>;
}
const nodes: Node[] = [];
const clients: Socket[] = [];

/** How many nodes each group started: all of them listen on its public channel. */
const nodesIn = new Map<string, number>();

/** How many adapters listen on the group's public channel (named as the adapter names it). */
async function listeners(redis: RedisClient, name: string): Promise<number> {
  const reply = await redis.sendCommand<unknown[]>(['PUBSUB', 'NUMSUB', `${name}#/#`]);
  return Number(reply[1]);
}

/** A server process's board channel, reduced to presence: a socket joins BOARD as its handshake says. */
async function startNode(name = `${RUN}-${group}`): Promise<Node> {
  const redis: RedisClient = connectRedis(redisUrl(), 'test redis');
  await waitFor(() => redis.isReady, 'the Redis client to connect');
  const http = createServer();
  const io: BoardServer = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(http);
  // A short block: a closed adapter's stream readers leave only once their read returns, and the
  // next test's CLIENT KILL must not find (and revive) this one's.
  io.adapter(createAdapter(redis, { streamName: name, channelPrefix: name, blockTimeInMs: READ_BLOCK_MS }));
  const registry = new PresenceRegistry();
  const presence = boardPresence(io, registry, redis);
  io.on('connection', (socket) => {
    const { userId, name } = socket.handshake.auth as { userId: string; name: string };
    // Joined at once: the adapter keeps rooms in memory (socket.join returns nothing to wait for).
    void socket.join(boardRoom(BOARD));
    registry.set(BOARD, socket.id, { userId, name, role: 'family', section: null });
    presence.changed(BOARD);
    socket.on('presence:update', ({ section }) => {
      if (registry.setSection(BOARD, socket.id, section)) presence.changed(BOARD);
    });
    socket.on('disconnect', () => {
      if (registry.remove(BOARD, socket.id)) presence.changed(BOARD);
    });
  });
  // Listening on Redis before anyone arrives: a question asked before this node subscribed
  // would count it out (socket.io asks Redis how many listen), and nothing would ask again
  // until the next change or the resync 20 s later.
  nodesIn.set(name, (nodesIn.get(name) ?? 0) + 1);
  await waitFor(
    async () => (await listeners(redis, name)) >= (nodesIn.get(name) ?? 0),
    `the node's adapter to listen on Redis`,
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  let closed = false;
  const node: Node = {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: async () => {
      if (closed) return;
      closed = true;
      presence.stop();
      await io.close();
      if (redis.isOpen) await redis.close();
    },
  };
  nodes.push(node);
  return node;
}

interface Person {
  socket: Socket;
  /** The last list this person's page was sent. */
  seen(): PresencePerson[] | null;
  /** How many lists it was sent, and whether its socket is connected: said when a wait fails. */
  describe(): string;
}

async function arrive(node: Node, name: string): Promise<Person> {
  const socket = connect(node.url, { transports: ['websocket'], forceNew: true, auth: { userId: name, name } });
  clients.push(socket);
  let last: PresencePerson[] | null = null;
  let lists = 0;
  socket.on('presence', (message: PresenceMessage) => {
    last = message.people;
    lists += 1;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    seen: () => last,
    describe: () => `${lists} lists received, ${socket.connected ? 'connected' : 'not connected'}`,
  };
}

const names = (people: PresencePerson[] | null) => (people ?? []).map((person) => person.name).join(', ');

async function sees(who: Person, expected: string, label: string): Promise<void> {
  await waitFor(
    () => names(who.seen()) === expected,
    () => `${label} (last seen: ${names(who.seen())}; ${who.describe()})`,
    10_000,
  );
}

afterEach(async () => {
  for (const socket of clients.splice(0)) socket.disconnect();
  for (const node of nodes.splice(0)) await node.close();
  // The closed adapters' stream readers return from their last read and disconnect.
  await sleep(READ_BLOCK_MS * 3);
  group += 1;
});

test('people on one board over three processes see each other, wherever they connected', async () => {
  const a = await startNode();
  const b = await startNode();
  const ana = await arrive(a, 'Ana');
  const ben = await arrive(b, 'Ben');
  await sees(ana, 'Ana, Ben', 'Ana on A sees Ben on B');
  await sees(ben, 'Ana, Ben', 'Ben on B sees Ana on A');

  ben.socket.emit('presence:update', { boardId: BOARD, section: 'logistics' });
  await waitFor(
    () => ana.seen()?.find((person) => person.name === 'Ben')?.section === 'logistics',
    'Ana sees where Ben is',
  );

  // A process that starts later asks the others at its first arrival.
  const c = await startNode();
  const cal = await arrive(c, 'Cal');
  await sees(cal, 'Ana, Ben, Cal', 'Cal on C sees the people on A and B');
  await sees(ana, 'Ana, Ben, Cal', 'Ana sees Cal');
  assert.equal(cal.seen()?.find((person) => person.name === 'Ben')?.section, 'logistics');

  // Arrivals at the same moment on two processes: everyone ends with the same list.
  const [dee, eve] = await Promise.all([arrive(a, 'Dee'), arrive(c, 'Eve')]);
  for (const who of [ana, ben, cal, dee, eve]) await sees(who, 'Ana, Ben, Cal, Dee, Eve', 'all five');

  ben.socket.disconnect();
  for (const who of [ana, cal, dee, eve]) await sees(who, 'Ana, Cal, Dee, Eve', 'Ben gone');

  // A process that shuts down takes its people with it.
  await c.close();
  for (const who of [ana, dee]) await sees(who, 'Ana, Dee', 'C’s people gone');
});

test('after Redis drops every connection (as in a restart), the processes hear each other again', async () => {
  const a = await startNode();
  const b = await startNode();
  const fay = await arrive(a, 'Fay');
  const gus = await arrive(b, 'Gus');
  await sees(fay, 'Fay, Gus', 'Fay sees Gus');

  const admin = connectRedis(redisUrl(), 'test redis');
  await waitFor(() => admin.isReady, 'the Redis client to connect');
  // Subscribers (the adapters' listening clients) first, then everyone, this client included.
  await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
  await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'normal']).catch(() => undefined);
  await waitFor(() => admin.isReady, 'this client to reconnect');
  // Both adapters listen again (their public channel, named as the adapter names it).
  const listening = async () => (await listeners(admin, `${RUN}-${group}`)) === 2;
  await waitFor(listening, 'both processes to listen on Redis again', 10_000, 50);
  await admin.close();

  const hal = await arrive(b, 'Hal');
  await sees(fay, 'Fay, Gus, Hal', 'Fay on A hears of Hal on B after the reconnection');
  await sees(hal, 'Fay, Gus, Hal', 'Hal on B is told of Fay on A');
  gus.socket.disconnect();
  await sees(fay, 'Fay, Hal', 'and of Gus leaving');
});
