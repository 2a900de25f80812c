/**
 * Record changes across the server processes of one PostgreSQL database
 * (server/events/postgres-relay.ts), seen from one real server and a second relay in this
 * process, which plays another server process: what the server publishes reaches the other
 * process in order; what the other process publishes closes the server's sockets as a local
 * change would; a malformed notification is dropped; a lost listening connection comes back
 * and re-checks every open socket.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import pg from 'pg';
import { CloseCode } from '../../lib/protocol/close-codes';
import { type BusEvent, publishSettled, subscribe } from '../../server/events/bus';
import { type PostgresRelay, RELAY_CHANNEL, startPostgresRelay } from '../../server/events/postgres-relay';
import type { TestClient } from '../helpers/client';
import {
  addMember,
  type BoardChannelClient,
  createBoard,
  expectStatus,
  invite,
  lettersDoc,
  openChannel,
  person,
  planDoc,
} from '../helpers/board';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../helpers/postgres';
import { openProvider, type ProviderClient, synced } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { RawYjsSocket } from '../helpers/sockets';
import { sleep, waitFor } from '../helpers/wait';

let database: TestPostgresDatabase;
let server: RunningServer;
let pool: pg.Pool;
let relay: PostgresRelay;
let ivy: TestClient, fern: TestClient, gus: TestClient;
/** What the other processes told this one, with when it arrived. */
const heard: Array<{ event: BusEvent; at: number }> = [];
const relayLog: string[] = [];
let rechecks = 0;
/** Events this process publishes itself, told apart from those it hears. */
const ours = new WeakSet<BusEvent>();

const open: { providers: ProviderClient[]; raws: RawYjsSocket[]; channels: BoardChannelClient[] } = {
  providers: [],
  raws: [],
  channels: [],
};

before(async () => {
  database = await freshPostgresDatabase();
  server = await startServer({ env: { DATABASE_URL: database.url } });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  relay = await startPostgresRelay({
    url: database.url,
    notify: async (channel, payload) => {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    recheckEverything: async () => {
      rechecks++;
    },
    log: (line) => relayLog.push(line),
  });
  subscribe((event) => {
    if (!ours.has(event)) heard.push({ event, at: Date.now() });
  });
  ivy = await person(server.url, 'Ivy');
  fern = await person(server.url, 'Fern');
  gus = await person(server.url, 'Gus');
});

afterEach(() => {
  for (const p of open.providers.splice(0)) p.destroy();
  for (const r of open.raws.splice(0)) r.terminate();
  for (const c of open.channels.splice(0)) c.close();
});

after(async () => {
  await relay?.stop();
  await pool?.end();
  await server?.dispose();
  await database?.drop();
});

/** As another server process does after a record change it made. */
async function publishAsAnotherProcess(event: BusEvent): Promise<number> {
  ours.add(event);
  await publishSettled(event);
  return Date.now();
}

async function sql(text: string, values: unknown[] = []): Promise<void> {
  await pool.query(text, values);
}

/** A member's open sockets on a board: a provider on the plan, a raw socket on their letters, the channel. */
async function socketsOf(who: TestClient, board: string) {
  const plan = openProvider(server.url, who.cookieHeader(), planDoc(board), { label: `${who.name} plan` });
  open.providers.push(plan);
  await synced(plan);
  const letters = await RawYjsSocket.connect(server.url, lettersDoc(board, who.userId), who.cookieHeader());
  open.raws.push(letters);
  await letters.roundtrip();
  const channel = await openChannel(server.url, who.cookieHeader());
  open.channels.push(channel);
  assert.equal((await channel.join(board)).ok, true, `${who.name} joins the channel`);
  return { plan, letters, channel };
}

type Sockets = Awaited<ReturnType<typeof socketsOf>>;

/** Yjs sockets closed with AccessRevoked by `deadline`, and the page told. */
async function assertRevokedBy(sockets: Sockets, board: string, deadline: number): Promise<void> {
  const { plan, letters, channel } = sockets;
  await waitFor(
    () => plan.terminal.length > 0 && letters.isClosed && channel.named('board:access-lost').length > 0,
    'the sockets closed and the page told',
    Math.max(1, deadline - Date.now()) + 500,
  );
  assert.deepEqual(
    plan.terminal.map((t) => t.code),
    [CloseCode.AccessRevoked],
  );
  assert.equal(letters.closeInfo?.code, CloseCode.AccessRevoked);
  for (const at of [plan.closes[0]?.at, letters.closeInfo?.at, channel.named('board:access-lost')[0]?.at]) {
    assert.ok(at !== undefined && at <= deadline, `closed ${(at ?? 0) - (deadline - 1000)} ms after the change`);
  }
  assert.deepEqual(channel.named('board:access-lost')[0]?.payload, { boardId: board });
}

test('what the server publishes reaches another process within a second, in order, and nothing of its own comes back', async () => {
  const board = await createBoard(ivy, 'Told to the others');
  await addMember(ivy, board, fern, 'family');
  await waitFor(() => heard.some((h) => h.event.type === 'board-changed' && h.event.boardId === board), 'the join');
  heard.length = 0;
  await expectStatus(ivy, 'DELETE', `/api/boards/${board}/members/${fern.userId}`, undefined, 204);
  const answered = Date.now();
  // The join's own notices may still be arriving: only what the removal publishes counts here.
  const ofRemoval = () =>
    heard.filter(
      (h) =>
        (h.event.type === 'access-changed' && h.event.boardId === board) ||
        (h.event.type === 'board-changed' && h.event.boardId === board && h.event.detail.change === 'removed'),
    );
  await waitFor(() => ofRemoval().length >= 2, 'the removal heard', 1000);
  await sleep(200);
  assert.deepEqual(
    ofRemoval().map((h) => h.event.type),
    ['access-changed', 'board-changed'],
    'the access change first, then the notice to those who remain',
  );
  const [first] = ofRemoval();
  assert.deepEqual(first?.event, { type: 'access-changed', boardId: board });
  console.log(`# heard by the other process ${(first?.at ?? 0) - answered} ms after the HTTP answer`);

  // This process's own events are not handed to it a second time.
  heard.length = 0;
  await publishAsAnotherProcess({ type: 'access-changed', boardId: board });
  await sleep(300);
  assert.deepEqual(heard, []);
});

test("another process's removal and sign-out close the server's sockets within a second", async () => {
  const board = await createBoard(ivy, 'Removed elsewhere');
  await addMember(ivy, board, fern, 'family');
  await addMember(ivy, board, gus, 'family');
  const ivyPlan = openProvider(server.url, ivy.cookieHeader(), planDoc(board), { label: 'ivy plan' });
  open.providers.push(ivyPlan);
  await synced(ivyPlan);
  const fernSockets = await socketsOf(fern, board);

  // The other process's change is committed before it tells anyone; until then nothing moves.
  await sql('DELETE FROM memberships WHERE board_id = $1 AND user_id = $2', [board, fern.userId]);
  await sleep(300);
  assert.equal(fernSockets.letters.isClosed, false, 'not told yet');
  const told = await publishAsAnotherProcess({ type: 'access-changed', boardId: board });
  await assertRevokedBy(fernSockets, board, told + 1000);
  const closedAt = Math.max(fernSockets.letters.closeInfo?.at ?? 0, fernSockets.plan.closes[0]?.at ?? 0);
  console.log(`# removal: sockets closed ${closedAt - told} ms after the other process was told`);
  ivyPlan.doc.getText('text').insert(0, 'after the removal ');
  await sleep(300);
  assert.equal(fernSockets.letters.framesAfter(closedAt), 0, 'nothing of the board after');
  assert.equal(fernSockets.plan.doc.getText('text').toString().includes('after the removal'), false);

  // A session ended by the other process: its sockets here close, NotAuthenticated.
  const gusSockets = await socketsOf(gus, board);
  const devices = await gus.json<{ devices: Array<{ id: string; current: boolean }> }>('GET', '/api/account/devices');
  const sessionId = devices.body.devices.find((d) => d.current)?.id ?? '';
  await sql('UPDATE sessions SET revoked_at = $1 WHERE id = $2', [Date.now(), sessionId]);
  const signedOut = await publishAsAnotherProcess({ type: 'session-revoked', sessionId });
  await waitFor(
    () =>
      gusSockets.letters.isClosed && gusSockets.plan.terminal.length > 0 && gusSockets.channel.disconnects.length > 0,
    "the signed-out session's sockets closed",
    1500,
  );
  assert.equal(gusSockets.letters.closeInfo?.code, CloseCode.NotAuthenticated);
  assert.deepEqual(
    gusSockets.plan.terminal.map((t) => t.code),
    [CloseCode.NotAuthenticated],
  );
  assert.equal(gusSockets.channel.named('session:ended').length, 1);
  const lastClose = Math.max(gusSockets.letters.closeInfo?.at ?? 0, gusSockets.channel.disconnects[0]?.at ?? 0);
  assert.ok(lastClose - signedOut <= 1000, `sign-out: closed ${lastClose - signedOut} ms after`);
  console.log(`# sign-out: sockets closed ${lastClose - signedOut} ms after the other process was told`);
});

test('a malformed notification is logged and dropped; the server and the relay go on', async () => {
  const bad = [
    'not json',
    '{"from":"elsewhere"}',
    '{"from":"elsewhere","event":{"type":"access-changed","boardId":""}}',
    '{"from":"elsewhere","event":{"type":"doc-edit","boardId":"b","docName":"d","userId":"u","update":{}}}',
    '{"from":"elsewhere","event":{"type":"board-changed","boardId":"b","topic":"members","audience":{"kind":"private","userIds":"all"},"detail":{}}}',
    '',
  ];
  const before = (server.output().match(/dropped a malformed notification/g) ?? []).length;
  for (const payload of bad) await sql('SELECT pg_notify($1, $2)', [RELAY_CHANNEL, payload]);
  await waitFor(
    () => (server.output().match(/dropped a malformed notification/g) ?? []).length === before + bad.length,
    'each logged by the server',
    2000,
  );
  // This relay hears them on a connection of its own, in its own time.
  await waitFor(
    () => relayLog.filter((line) => line.includes('malformed')).length === bad.length,
    'each logged by this relay too',
    2000,
  );
  assert.ok(server.pid() !== null, 'the server runs on');

  // It serves, and hears the next good event as before.
  const board = await createBoard(ivy, 'After the noise');
  await addMember(ivy, board, fern, 'family');
  const fernSockets = await socketsOf(fern, board);
  await sql('DELETE FROM memberships WHERE board_id = $1 AND user_id = $2', [board, fern.userId]);
  const told = await publishAsAnotherProcess({ type: 'access-changed', boardId: board });
  await assertRevokedBy(fernSockets, board, told + 1000);
});

/** Ends every listening connection on the database, as a restart of PostgreSQL or a network cut would. */
async function terminateListeners(): Promise<number> {
  const killed = await pool.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
  );
  return killed.rowCount ?? 0;
}

test('a lost listening connection comes back and re-checks every open socket; later changes still arrive', async () => {
  // Gus was signed out above: two people of their own.
  const fern = await person(server.url, 'Fern again');
  const gus = await person(server.url, 'Gus again');
  const board = await createBoard(ivy, 'Deaf for a moment');
  await addMember(ivy, board, fern, 'family');
  await addMember(ivy, board, gus, 'family');
  const fernSockets = await socketsOf(fern, board);
  const gusSockets = await socketsOf(gus, board);
  // A change no one announces stands for one the server could not hear while it was deaf.
  await sql('DELETE FROM memberships WHERE board_id = $1 AND user_id = $2', [board, fern.userId]);
  await sleep(300);
  assert.equal(fernSockets.letters.isClosed, false);

  const output = server.output().length;
  const rechecksBefore = rechecks;
  const killedAt = Date.now();
  assert.equal(await terminateListeners(), 2, "the server's listening connection and this relay's");
  await waitFor(() => server.output().includes('re-checked every open socket', output), 'the re-check', 10_000);
  const log = server.output().slice(output);
  assert.match(log, /stopped hearing the other processes/);
  assert.match(log, /listening again after \d+ ms; re-checking every open socket/);
  await assertRevokedBy(fernSockets, board, Date.now() + 1000);
  console.log(`# deaf: re-checked and closed ${(fernSockets.letters.closeInfo?.at ?? 0) - killedAt} ms after the kill`);
  assert.equal(gusSockets.letters.isClosed, false, 'a member who kept access keeps the socket');
  assert.deepEqual(gusSockets.plan.closes, []);
  await waitFor(() => rechecks === rechecksBefore + 1 && relay.listening(), 'this relay is back too', 10_000);

  // A revocation after the reconnect reaches the server's sockets.
  await sql('DELETE FROM memberships WHERE board_id = $1 AND user_id = $2', [board, gus.userId]);
  const told = await publishAsAnotherProcess({ type: 'access-changed', boardId: board });
  await assertRevokedBy(gusSockets, board, told + 1000);
  // And what the server publishes reaches this one again.
  heard.length = 0;
  await invite(ivy, board, 'viewer', 'Later');
  await waitFor(() => heard.some((h) => h.event.type === 'board-changed'), 'the server is heard again', 1000);
});

test('a relay that cannot listen re-checks every open socket every second until it can', async () => {
  let deafRechecks = 0;
  // Nothing listens on port 1: the relay never hears the others.
  const deaf = await startPostgresRelay({
    url: 'postgres://postgres@127.0.0.1:1/none',
    notify: async () => undefined,
    recheckEverything: async () => {
      deafRechecks++;
    },
    log: () => undefined,
    firstRetryMs: 60_000,
  });
  try {
    assert.equal(deaf.listening(), false);
    await sleep(2500);
    assert.ok(deafRechecks >= 2, `re-checked ${deafRechecks} times in 2.5 s`);
  } finally {
    await deaf.stop();
  }
  const after = deafRechecks;
  await sleep(1200);
  assert.equal(deafRechecks, after, 'and no more once stopped');
});
