/**
 * Two server processes on one PostgreSQL database: a change made on A closes the sockets it
 * shrank on B within a second (server/events/postgres-relay.ts), as it would on one process.
 * Every socket of the board is opened on B, so that B's sync process serves the board and only
 * the relay can tell it; the changes are made over HTTP on A.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import pg from 'pg';
import { CloseCode } from '../../lib/protocol/close-codes';
import type { TestClient } from '../helpers/client';
import {
  addMember,
  anotherSession,
  type BoardChannelClient,
  createBoard,
  expectStatus,
  lettersDoc,
  openChannel,
  person,
  planDoc,
} from '../helpers/board';
import { bytesOf } from '../helpers/bytes';
import { type Deployment, startDeployment } from '../helpers/deployment';
import { openProvider, type ProviderClient, synced } from '../helpers/providers';
import type { RunningServer } from '../helpers/server';
import { RawYjsSocket } from '../helpers/sockets';
import { sleep, waitFor } from '../helpers/wait';

let deployment: Deployment;
let a: RunningServer, b: RunningServer;
let ivy: TestClient, fern: TestClient, gus: TestClient, vera: TestClient;

const open: { providers: ProviderClient[]; raws: RawYjsSocket[]; channels: BoardChannelClient[] } = {
  providers: [],
  raws: [],
  channels: [],
};

before(async () => {
  // One secret for both, as a deployment shares it: a session cookie from A is good on B.
  deployment = await startDeployment({ processes: 2 });
  [a, b] = deployment.servers as [RunningServer, RunningServer];
  ivy = await person(a.url, 'Ivy');
  fern = await person(a.url, 'Fern');
  gus = await person(a.url, 'Gus');
  vera = await person(a.url, 'Vera');
});

afterEach(() => {
  for (const p of open.providers.splice(0)) p.destroy();
  for (const r of open.raws.splice(0)) r.terminate();
  for (const c of open.channels.splice(0)) c.close();
});

after(async () => {
  await deployment?.dispose();
});

/** Helpers of test/helpers/revocation-scene.ts, on server B. */
function providerOnB(who: TestClient, docName: string, label: string): ProviderClient {
  const client = openProvider(b.url, who.cookieHeader(), docName, { label });
  open.providers.push(client);
  return client;
}

async function rawOnB(who: TestClient, docName: string, label: string): Promise<RawYjsSocket> {
  const socket = await RawYjsSocket.connect(b.url, docName, who.cookieHeader(), label);
  open.raws.push(socket);
  await socket.roundtrip();
  return socket;
}

async function channelOnB(who: TestClient, boardId: string): Promise<BoardChannelClient> {
  const client = await openChannel(b.url, who.cookieHeader());
  open.channels.push(client);
  assert.equal((await client.join(boardId)).ok, true, `${who.name} joins the board channel on B`);
  return client;
}

const text = (c: ProviderClient): string => c.doc.getText('text').toString();

function assertWithinSecond(answered: number, at: number | undefined, label: string): number {
  assert.ok(at !== undefined, `${label} closed`);
  assert.ok(at <= answered + 1000, `${label} closed ${at - answered} ms after A answered`);
  return at - answered;
}

test('a relative removed on A: their sockets on B close within a second, and nothing of the board reaches them after', async () => {
  const board = await createBoard(ivy, 'Removed on A');
  await addMember(ivy, board, fern, 'family');
  await addMember(ivy, board, gus, 'family');
  const plan = planDoc(board);
  const ivyPlan = providerOnB(ivy, plan, 'ivy plan');
  const gusPlan = providerOnB(gus, plan, 'gus plan');
  const fernPlan = providerOnB(fern, plan, 'fern plan');
  await Promise.all([ivyPlan, gusPlan, fernPlan].map((c) => synced(c)));
  const fernLetters = await rawOnB(fern, lettersDoc(board, fern.userId), 'fern letters');
  const fernChannel = await channelOnB(fern, board);
  const gusChannel = await channelOnB(gus, board);
  ivyPlan.doc.getText('text').insert(0, 'before ');
  await waitFor(() => text(fernPlan).includes('before'), 'fern synced');

  await expectStatus(ivy, 'DELETE', `/api/boards/${board}/members/${fern.userId}`, undefined, 204);
  const answered = Date.now();
  await waitFor(
    () => fernPlan.terminal.length > 0 && fernLetters.isClosed && fernChannel.named('board:access-lost').length > 0,
    "fern's sockets on B closed",
    1500,
  );
  assert.deepEqual(
    fernPlan.terminal.map((t) => t.code),
    [CloseCode.AccessRevoked],
  );
  assert.equal(fernLetters.closeInfo?.code, CloseCode.AccessRevoked);
  const lost = fernChannel.named('board:access-lost')[0];
  assert.deepEqual(lost?.payload, { boardId: board });
  const ms = [
    assertWithinSecond(answered, fernPlan.closes[0]?.at, 'fern plan'),
    assertWithinSecond(answered, fernLetters.closeInfo?.at, 'fern letters'),
    assertWithinSecond(answered, lost?.at, 'fern socket.io page'),
  ];
  console.log(`# removal on A: fern's sockets on B closed ${ms.join(', ')} ms after the HTTP answer`);
  const closedAt = Math.max(fernPlan.closes[0]?.at ?? 0, fernLetters.closeInfo?.at ?? 0);

  // Edits and notices go on for those who remain, never to fern.
  ivyPlan.doc.getText('text').insert(0, 'after-removal ');
  await waitFor(() => text(gusPlan).includes('after-removal'), 'gus sees the edit');
  await addMember(ivy, board, vera, 'viewer'); // on A: a board-wide 'members' notice
  await waitFor(
    () => gusChannel.named('board:changed').some((e) => JSON.stringify(e.payload).includes('joined')),
    'gus, on B, hears of the new member made on A',
  );
  await sleep(300);
  assert.equal(text(fernPlan).includes('after-removal'), false);
  assert.equal(fernPlan.closes.length, 1, 'never reconnected');
  assert.equal(fernLetters.framesAfter(closedAt), 0);
  assert.equal(fernLetters.receivedContains(bytesOf('after-removal')), false);
  assert.deepEqual(
    fernChannel.events.filter((e) => e.at >= (lost?.at ?? 0) && e.name !== 'board:access-lost').map((e) => e.name),
    [],
    'nothing of the board on the channel after access-lost',
  );
  for (const c of [ivyPlan, gusPlan]) assert.deepEqual(c.closes, [], `${c.label} untouched`);
});

test("signing out everywhere on A closes that person's other sessions' sockets on B within a second", async () => {
  const board = await createBoard(ivy, 'Signed out on A');
  await addMember(ivy, board, fern, 'family');
  const phone = await anotherSession(a.url, fern);
  const plan = planDoc(board);
  const ivyPlan = providerOnB(ivy, plan, 'ivy plan');
  const phonePlan = providerOnB(phone, plan, 'phone plan');
  await Promise.all([synced(ivyPlan), synced(phonePlan)]);
  const phoneLetters = await rawOnB(phone, lettersDoc(board, fern.userId), 'phone letters');
  const phoneChannel = await channelOnB(phone, board);
  const laptopChannel = await channelOnB(fern, board);

  // From fern's first session, on A, keeping that one.
  await expectStatus(fern, 'DELETE', '/api/account/devices', { keepThisDevice: true }, 200);
  const answered = Date.now();
  await waitFor(
    () => phonePlan.terminal.length > 0 && phoneLetters.isClosed && phoneChannel.disconnects.length > 0,
    "the phone's sockets on B closed",
    1500,
  );
  assert.equal(phoneLetters.closeInfo?.code, CloseCode.NotAuthenticated);
  assert.deepEqual(
    phonePlan.terminal.map((t) => t.code),
    [CloseCode.NotAuthenticated],
  );
  assert.equal(phoneChannel.named('session:ended').length, 1, 'told why');
  const ms = [
    assertWithinSecond(answered, phonePlan.closes[0]?.at, 'phone plan'),
    assertWithinSecond(answered, phoneLetters.closeInfo?.at, 'phone letters'),
    assertWithinSecond(answered, phoneChannel.disconnects[0]?.at, 'phone socket.io page'),
  ];
  console.log(`# sign-out everywhere on A: the phone's sockets on B closed ${ms.join(', ')} ms after the HTTP answer`);

  ivyPlan.doc.getText('text').insert(0, 'after sign-out ');
  await sleep(300);
  assert.equal(text(phonePlan).includes('after sign-out'), false);
  assert.equal(phoneLetters.framesAfter(phoneLetters.closeInfo?.at ?? 0), 0);
  assert.equal(laptopChannel.socket.connected, true, 'the session kept is untouched');
  assert.equal(laptopChannel.named('session:ended').length, 0);
});

test('after the listening connections are cut, both processes listen again, B re-checks its sockets, and a removal on A still reaches B', async () => {
  const board = await createBoard(ivy, 'Listening again');
  const dora = await person(a.url, 'Dora');
  await addMember(ivy, board, dora, 'family');
  const plan = planDoc(board);
  const ivyPlan = providerOnB(ivy, plan, 'ivy plan');
  const doraPlan = providerOnB(dora, plan, 'dora plan');
  await Promise.all([synced(ivyPlan), synced(doraPlan)]);
  const doraLetters = await rawOnB(dora, lettersDoc(board, dora.userId), 'dora letters');
  const doraChannel = await channelOnB(dora, board);

  const [fromA, fromB] = [a.output().length, b.output().length];
  const killed = await onDatabase((client) =>
    client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%'"),
  );
  assert.equal(killed.rowCount, 2, "A's and B's listening connections");
  for (const [server, since, name] of [
    [a, fromA, 'A'],
    [b, fromB, 'B'],
  ] as const) {
    await waitFor(() => server.output().includes('re-checked every open socket', since), `${name} re-checked`, 10_000);
    const log = server.output().slice(since);
    assert.match(log, /stopped hearing the other processes/, `${name} logs the loss`);
    assert.match(log, /listening again after \d+ ms; re-checking every open socket/, `${name} logs the return`);
    console.log(
      `# ${name}: ${log.match(/listening again after \d+ ms/)?.[0]}, ${log.match(/re-checked every open socket in \d+ ms/)?.[0]}`,
    );
  }
  assert.equal(doraPlan.closes.length, 0, 'a member who kept access keeps the socket through the re-check');
  assert.equal(doraLetters.isClosed, false);

  await expectStatus(ivy, 'DELETE', `/api/boards/${board}/members/${dora.userId}`, undefined, 204);
  const answered = Date.now();
  await waitFor(
    () => doraPlan.terminal.length > 0 && doraLetters.isClosed && doraChannel.named('board:access-lost').length > 0,
    "dora's sockets on B closed",
    1500,
  );
  const ms = [
    assertWithinSecond(answered, doraPlan.closes[0]?.at, 'dora plan'),
    assertWithinSecond(answered, doraLetters.closeInfo?.at, 'dora letters'),
    assertWithinSecond(answered, doraChannel.named('board:access-lost')[0]?.at, 'dora socket.io page'),
  ];
  console.log(`# after listening again: removal on A closed dora's sockets on B ${ms.join(', ')} ms after the answer`);
});

async function onDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: deployment.database.url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
