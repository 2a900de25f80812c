/**
 * Several server processes on one PostgreSQL database (docs/deploy.md, "Several processes"):
 * each board is served by the process holding its lease; a socket reaching another process is
 * passed to it. Clients spread over the processes converge with the log, an owner killed
 * mid-edit loses no edit a client saw and its board is served again within seconds, and an
 * owner paused past its lease appends nothing when it wakes up.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createBoard, person, planDoc } from '../helpers/board';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../helpers/postgres';
import { socketSending } from '../helpers/provider-socket';
import { type ProviderClient, trackedProvider } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { readStoreOf } from '../helpers/store-reader';
import type { TestClient } from '../helpers/client';
import { wsUrl } from '../helpers/urls';
import { sleep, waitFor } from '../helpers/wait';

let database: TestPostgresDatabase;
const servers: RunningServer[] = [];
let first: RunningServer;
let second: RunningServer;

/** Every process shares the secret and the public address, as behind one proxy. */
async function startProcess(publicUrl: string | null): Promise<RunningServer> {
  const server = await startServer({
    env: {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: 'a shared secret of the processes, long enough to sign sessions',
      ...(publicUrl ? { NEXTAUTH_URL: publicUrl } : {}),
    },
  });
  servers.push(server);
  return server;
}

before(async () => {
  database = await freshPostgresDatabase();
  first = await startProcess(null);
  second = await startProcess(first.url);
});
after(async () => {
  for (const server of servers) await server.dispose();
  await database?.drop();
});

/** A writer's provider on `server`, sending the page's (public) origin as a browser would. */
function writerOn(server: RunningServer, who: TestClient, docName: string, label: string): ProviderClient {
  return trackedProvider(
    wsUrl(server.url),
    docName,
    socketSending({ cookie: who.cookieHeader(), origin: new URL(first.url).origin }),
    { label },
  );
}

async function leaseOf(boardId: string): Promise<{ address: string; epoch: number } | undefined> {
  const store = readStoreOf({ dataDir: '', databaseUrl: database.url });
  try {
    return await store.kysely
      .selectFrom('board_leases')
      .select(['address', 'epoch'])
      .where('board_id', '=', boardId)
      .executeTakeFirst();
  } finally {
    await store.close();
  }
}

/** The stored state's text, and that the log's sequence numbers run 1..n. */
async function storedText(docName: string): Promise<string> {
  const store = readStoreOf({ dataDir: '', databaseUrl: database.url });
  try {
    const seqs = await store.loggedSeqs(docName);
    assert.deepEqual(
      seqs,
      seqs.map((_seq, index) => index + 1),
      'the log has no gaps',
    );
    const doc = await store.doc(docName);
    const text = doc.getText('text').toString();
    doc.destroy();
    return text;
  } finally {
    await store.close();
  }
}

function typeInto(client: ProviderClient, words: string): void {
  const text = client.doc.getText('text');
  text.insert(text.length, words);
}

const textOf = (client: ProviderClient): string => client.doc.getText('text').toString();

test('writers on two processes edit one board served by one of them, and the log holds it all', async () => {
  const ivy = await person(first.url, 'Ivy');
  const board = await createBoard(ivy, 'Two processes');
  const plan = planDoc(board);
  const onFirst = writerOn(first, ivy, plan, 'on first');
  await waitFor(() => onFirst.provider.synced, 'the first writer synced');
  const lease = await leaseOf(board);
  assert.equal(lease?.address, `127.0.0.1:${first.port}`, 'the process of the first join serves the board');
  const onSecond = writerOn(second, ivy, plan, 'on second');
  try {
    await waitFor(() => onSecond.provider.synced, 'the second writer synced through the first process');
    for (let round = 0; round < 20; round++) {
      typeInto(round % 2 === 0 ? onFirst : onSecond, `w${round} `);
      if (round % 5 === 0) await sleep(5);
    }
    await waitFor(() => textOf(onFirst) === textOf(onSecond) && textOf(onFirst).includes('w19'), 'both converge');
    assert.equal(await storedText(plan), textOf(onFirst), 'the stored state equals the replicas');
    assert.equal((await leaseOf(board))?.epoch, lease?.epoch, 'one owner all along');
  } finally {
    onFirst.destroy();
    onSecond.destroy();
  }
});

test('an owner killed mid-edit loses no edit a client saw; the board is served again within seconds', async () => {
  const owner = await startProcess(first.url);
  const ivy = await person(first.url, 'Ivy');
  const board = await createBoard(ivy, 'The owner dies');
  const plan = planDoc(board);
  const onOwner = writerOn(owner, ivy, plan, 'on the owner');
  await waitFor(() => onOwner.provider.synced, 'synced on the owner');
  const onSecond = writerOn(second, ivy, plan, 'on second');
  try {
    await waitFor(() => onSecond.provider.synced, 'synced through the owner');
    typeInto(onOwner, 'before ');
    typeInto(onSecond, 'seen ');
    await waitFor(() => textOf(onOwner).includes('seen') && textOf(onSecond).includes('before'), 'both saw both');
    typeInto(onSecond, 'during ');
    const killed = Date.now();
    await owner.crash();
    onOwner.destroy();
    // The second writer's socket went through the dead owner: it reconnects to its own process,
    // which serves the board once the lease has expired.
    typeInto(onSecond, 'after ');
    await waitFor(() => onSecond.provider.synced && onSecond.provider.wsconnected, 'served again', 15_000, 50);
    const back = Date.now() - killed;
    const check = writerOn(second, ivy, plan, 'a fresh page');
    try {
      await waitFor(
        () => check.provider.synced && textOf(check) === textOf(onSecond),
        'a fresh page sees it all',
        10_000,
      );
    } finally {
      check.destroy();
    }
    const text = textOf(onSecond);
    for (const words of ['before', 'seen', 'during', 'after']) assert.ok(text.includes(words), `kept: ${words}`);
    await waitFor(async () => (await storedText(plan)) === text, 'stored', 5000, 50);
    assert.equal((await leaseOf(board))?.address, `127.0.0.1:${second.port}`, 'the second process serves it now');
    assert.ok(back < 12_000, `editing again ${back} ms after the owner died`);
    console.log(`owner killed: editing again after ${back} ms`);
  } finally {
    onSecond.destroy();
  }
});

test('an owner paused past its lease appends nothing when it wakes; the states agree', async () => {
  const owner = await startProcess(first.url);
  const ivy = await person(first.url, 'Ivy');
  const board = await createBoard(ivy, 'The owner sleeps');
  const plan = planDoc(board);
  const onOwner = writerOn(owner, ivy, plan, 'on the owner');
  await waitFor(() => onOwner.provider.synced, 'synced on the owner');
  typeInto(onOwner, 'first ');
  await waitFor(async () => (await storedText(plan)).includes('first'), 'stored');
  const before = await leaseOf(board);
  const group = owner.pid();
  assert.ok(group, 'the owner runs');
  // The whole process group: the web process and its sync process stop together.
  process.kill(-group, 'SIGSTOP');
  let woken = false;
  try {
    // While it sleeps its writer types on (the edits wait in the socket), and past the lease
    // someone opens the board on the second process, which takes it over.
    typeInto(onOwner, 'asleep ');
    await sleep(6500);
    const onSecond = writerOn(second, ivy, plan, 'on second');
    try {
      await waitFor(() => onSecond.provider.synced, 'served by the second process', 10_000);
      typeInto(onSecond, 'taken ');
      const after = await leaseOf(board);
      assert.equal(after?.address, `127.0.0.1:${second.port}`);
      assert.ok((after?.epoch ?? 0) > (before?.epoch ?? 0), 'the takeover has a new epoch');
      await waitFor(async () => (await storedText(plan)).includes('taken'), 'the new owner stores');
      process.kill(-group, 'SIGCONT');
      woken = true;
      // It wakes, reads what waited in the socket, and must not store it: its lease is gone.
      await waitFor(() => /no longer serving/.test(owner.output()), 'the old owner gives the board up', 10_000, 50);
      // Its writer reconnects, is routed to the new owner and sends what it typed asleep.
      await waitFor(
        () => textOf(onOwner).includes('taken') && textOf(onSecond).includes('asleep'),
        'the sleeper and the new owner agree',
        15_000,
        50,
      );
      await waitFor(() => textOf(onOwner) === textOf(onSecond), 'equal states', 5000);
      await waitFor(async () => (await storedText(plan)) === textOf(onSecond), 'equal to the stored state', 5000, 50);
      assert.equal((await leaseOf(board))?.epoch, after?.epoch, 'the old owner did not take it back');
    } finally {
      onSecond.destroy();
    }
  } finally {
    if (!woken) process.kill(-group, 'SIGCONT');
    onOwner.destroy();
  }
});
