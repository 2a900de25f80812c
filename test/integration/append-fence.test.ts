/**
 * The access fence on appends, on a real server on PostgreSQL (server/update-log/append-fence.ts):
 * a change that narrows access commits with a bump of the board's access version; until the
 * serving process has checked its sockets again, each writer of that board is asked of the
 * permission function again at the append. Here the change is made in the database directly,
 * so that no notification ever tells the server: the fence alone must act on it.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import pg from 'pg';
import { CloseCode } from '../../lib/protocol/close-codes';
import type { TestClient } from '../helpers/client';
import { addMember, anotherSession, createBoard, expectStatus, person, planDoc } from '../helpers/board';
import { bytesOf } from '../helpers/bytes';
import { syncUpdate, textUpdate } from '../helpers/frames';
import { type Deployment, startDeployment } from '../helpers/deployment';
import { openProvider, type ProviderClient, synced } from '../helpers/providers';
import type { RunningServer } from '../helpers/server';
import { RawYjsSocket } from '../helpers/sockets';
import { readStoreOf, storedTextOn } from '../helpers/store-reader';
import { sleep, waitFor } from '../helpers/wait';

let deployment: Deployment;
let server: RunningServer;
let ivy: TestClient, fern: TestClient, gus: TestClient, vera: TestClient;
const providers: ProviderClient[] = [];
const raws: RawYjsSocket[] = [];

before(async () => {
  deployment = await startDeployment({ processes: 1 });
  [server] = deployment.servers as [RunningServer];
  ivy = await person(server.url, 'Ivy');
  fern = await person(server.url, 'Fern');
  gus = await person(server.url, 'Gus');
  vera = await person(server.url, 'Vera');
});

afterEach(() => {
  for (const p of providers.splice(0)) p.destroy();
  for (const r of raws.splice(0)) r.terminate();
});

after(async () => {
  await deployment?.dispose();
});

function provider(who: TestClient, docName: string, label: string): ProviderClient {
  const client = openProvider(server.url, who.cookieHeader(), docName, { label });
  providers.push(client);
  return client;
}

const text = (c: ProviderClient): string => c.doc.getText('text').toString();

/** The board's access version as stored. */
async function accessVersion(boardId: string): Promise<number> {
  const client = new pg.Client({ connectionString: deployment.database.url });
  await client.connect();
  try {
    const result = await client.query<{ v: string }>('SELECT access_version AS v FROM boards WHERE id = $1', [boardId]);
    return Number(result.rows[0]?.v);
  } finally {
    await client.end();
  }
}

/** A removal as server/boards/members.ts commits it, with the version bump, and no notification. */
async function removeQuietly(boardId: string, userId: string): Promise<void> {
  const client = new pg.Client({ connectionString: deployment.database.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM memberships WHERE board_id = $1 AND user_id = $2', [boardId, userId]);
    await client.query('UPDATE boards SET access_version = access_version + 1 WHERE id = $1', [boardId]);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

test('after a narrowing nobody was told of, a writer who keeps access writes on, undisturbed', async () => {
  const board = await createBoard(ivy, 'Undisturbed');
  await addMember(ivy, board, gus, 'family');
  await addMember(ivy, board, vera, 'viewer');
  const plan = planDoc(board);
  const ivyPlan = provider(ivy, plan, 'ivy plan');
  const gusPlan = provider(gus, plan, 'gus plan');
  await Promise.all([synced(ivyPlan), synced(gusPlan)]);
  gusPlan.doc.getText('text').insert(0, 'before ');
  await waitFor(() => text(ivyPlan).includes('before'), 'ivy sees the first edit');

  // Vera, who has no socket open, is removed: the board's version moves, the server is not told.
  await removeQuietly(board, vera.userId);
  const since = server.output().length;
  for (const word of ['one ', 'two ', 'three ']) {
    gusPlan.doc.getText('text').insert(0, word);
    await sleep(50);
  }
  await waitFor(() => text(ivyPlan).includes('three'), 'ivy sees every later edit');
  await waitFor(
    async () => (await storedTextOn(deployment.database.url, plan)).startsWith('three two one before'),
    'every edit is stored',
  );
  assert.deepEqual(gusPlan.closes, [], "gus's socket was never closed");
  assert.deepEqual(ivyPlan.closes, [], "ivy's neither");
  assert.doesNotMatch(server.output().slice(since), /commit-error/, 'no write was refused');
});

test('after a removal nobody was told of, the removed writer stores nothing and is cut off; the others lose nothing', async () => {
  const board = await createBoard(ivy, 'Removed quietly');
  await addMember(ivy, board, fern, 'family');
  await addMember(ivy, board, gus, 'family');
  const plan = planDoc(board);
  const ivyPlan = provider(ivy, plan, 'ivy plan');
  const gusPlan = provider(gus, plan, 'gus plan');
  await Promise.all([synced(ivyPlan), synced(gusPlan)]);
  const fernPlan = await RawYjsSocket.connect(server.url, plan, fern.cookieHeader(), 'fern plan');
  raws.push(fernPlan);
  await fernPlan.roundtrip();

  await removeQuietly(board, fern.userId);
  // Fern's phone, still open on the board, types; Gus types at the same moment.
  fernPlan.send(syncUpdate(textUpdate('written after removal ')));
  gusPlan.doc.getText('text').insert(0, 'gus after ');
  await waitFor(() => fernPlan.isClosed, "fern's socket is closed without any notification", 3000);
  assert.equal(fernPlan.closeInfo?.code, CloseCode.AccessRevoked, 'and told why');
  await waitFor(
    async () => (await storedTextOn(deployment.database.url, plan)).includes('gus after'),
    "gus's edit is stored (his client sends it again if its batch was refused)",
  );
  await waitFor(() => text(ivyPlan).includes('gus after'), 'ivy sees it');
  await sleep(300);
  assert.equal(
    (await storedTextOn(deployment.database.url, plan)).includes('written after removal'),
    false,
    'nothing of fern',
  );
  for (const c of [ivyPlan, gusPlan]) assert.equal(text(c).includes('written after removal'), false, c.label);
  // Their room was loaded again from the log under them; nobody else was disconnected.
  for (const c of [ivyPlan, gusPlan]) assert.deepEqual(c.closes, [], `${c.label} stayed connected`);
  // Her reconnection is refused: the upgrade asks the permission function too.
  const again = await RawYjsSocket.open(server.url, plan, fern.cookieHeader(), { label: 'fern again' });
  raws.push(again.socket);
  assert.equal(again.opened, false, 'fern cannot open the plan again');
});

test('a removed writer alone on a document: her refused edit is not stored by the checkpoint her leaving writes either', async () => {
  const board = await createBoard(ivy, 'Alone');
  await addMember(ivy, board, fern, 'family');
  const plan = planDoc(board);
  const fernPlan = await RawYjsSocket.connect(server.url, plan, fern.cookieHeader(), 'fern alone');
  raws.push(fernPlan);
  await fernPlan.roundtrip();
  fernPlan.send(syncUpdate(textUpdate('kept before ')));
  await waitFor(async () => (await storedTextOn(deployment.database.url, plan)).includes('kept before'), 'stored');

  await removeQuietly(board, fern.userId);
  fernPlan.send(syncUpdate(textUpdate('alone after removal ')));
  assert.equal((await fernPlan.closedWithin(3000)).code, CloseCode.AccessRevoked);
  // Her socket was the room's last: letting it go would checkpoint what the room held.
  await sleep(500);
  const store = readStoreOf({ dataDir: '', databaseUrl: deployment.database.url });
  try {
    assert.equal(await store.contains(bytesOf('alone after removal')), false, 'in no update and no checkpoint');
    assert.equal(await store.contains(bytesOf('kept before')), true);
  } finally {
    await store.close();
  }
});

test('a reader removed with no notification, who writes nothing, is cut off at the next lease renewal', async () => {
  const board = await createBoard(ivy, 'Read quietly');
  await addMember(ivy, board, vera, 'viewer');
  const plan = planDoc(board);
  const ivyPlan = provider(ivy, plan, 'ivy plan');
  await synced(ivyPlan);
  const veraPlan = await RawYjsSocket.connect(server.url, plan, vera.cookieHeader(), 'vera plan');
  raws.push(veraPlan);
  await veraPlan.roundtrip();

  await removeQuietly(board, vera.userId);
  const removedAt = Date.now();
  // Renewals come every second; the board's version comes back with each.
  const closed = await veraPlan.closedWithin(2500);
  assert.equal(closed.code, CloseCode.AccessRevoked);
  console.log(`# a quiet removal closed the reader's socket ${closed.at - removedAt} ms after its commit`);
  ivyPlan.doc.getText('text').insert(0, 'after the removal ');
  await waitFor(
    async () => (await storedTextOn(deployment.database.url, plan)).includes('after the removal'),
    'ivy writes on',
  );
  assert.equal(veraPlan.receivedContains(bytesOf('after the removal')), false, 'nothing reaches vera after');
  assert.deepEqual(ivyPlan.closes, [], 'ivy was never closed');
});

test('every narrowing made through the app bumps the access version: unsharing, a role, a freeze, a sign-out, a removal', async () => {
  const board = await createBoard(ivy, 'Each narrowing');
  await addMember(ivy, board, fern, 'family');
  await addMember(ivy, board, gus, 'family');
  const phone = await anotherSession(server.url, gus);
  const steps: Array<[string, () => Promise<void>]> = [
    [
      'unsharing letters',
      () => expectStatus(fern, 'PUT', `/api/boards/${board}/attempts/1/letters/share`, { shared: false }, 200),
    ],
    [
      'a role change',
      () => expectStatus(ivy, 'PATCH', `/api/boards/${board}/members/${fern.userId}`, { role: 'viewer' }, 200),
    ],
    ['a freeze', () => expectStatus(ivy, 'PUT', `/api/boards/${board}/attempts/1/freeze`, { frozen: true }, 200)],
    [
      "signing out a member's other devices",
      () => expectStatus(phone, 'DELETE', '/api/account/devices', { keepThisDevice: true }, 200),
    ],
    ['a removal', () => expectStatus(ivy, 'DELETE', `/api/boards/${board}/members/${fern.userId}`, undefined, 204)],
  ];
  for (const [what, step] of steps) {
    const before = await accessVersion(board);
    await step();
    assert.ok((await accessVersion(board)) > before, `${what} bumps the version`);
  }
});
