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
import { prng } from '../helpers/prng';
import { socketSending } from '../helpers/provider-socket';
import { type ProviderClient, trackedProvider } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { RawYjsSocket } from '../helpers/sockets';
import { readStoreOf, storedTextOn } from '../helpers/store-reader';
import { TestClient } from '../helpers/client';
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
  } finally {
    await store.close();
  }
  return storedTextOn(database.url, docName);
}

function typeInto(client: ProviderClient, words: string): void {
  const text = client.doc.getText('text');
  text.insert(text.length, words);
}

const textOf = (client: ProviderClient): string => client.doc.getText('text').toString();

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);

test('seeded random edits from writers spread over two processes, with disconnects, converge with a gapless log', async () => {
  const random = prng(SEED);
  const int = (below: number) => Math.floor(random() * below);
  const ivy = await person(first.url, 'Ivy');
  const board = await createBoard(ivy, 'Two processes');
  const plan = planDoc(board);
  const writers = [first, second, first, second].map((server, index) =>
    writerOn(server, ivy, plan, `writer ${index} on ${server === first ? 'first' : 'second'}`),
  );
  try {
    await waitFor(() => writers.every((writer) => writer.provider.synced), 'every writer synced');
    const lease = await leaseOf(board);
    assert.ok(lease, 'one process serves the board');
    let disconnects = 0;
    for (let round = 0; round < 200; round++) {
      const writer = writers[int(writers.length)] as ProviderClient;
      const roll = random();
      const text = writer.doc.getText('text');
      if (roll < 0.6) text.insert(int(text.length + 1), `r${round} `);
      else if (roll < 0.8 && text.length > 0) text.delete(int(text.length), 1);
      else if (writer.provider.shouldConnect) {
        writer.provider.disconnect();
        disconnects++;
      } else writer.provider.connect();
      if (random() < 0.2) await sleep(int(5));
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
    for (const writer of writers) if (!writer.provider.shouldConnect) writer.provider.connect();
    await waitFor(() => writers.every((writer) => writer.provider.synced), 'everyone back', 10_000);
    const reference = () => textOf(writers[0] as ProviderClient);
    await waitFor(
      () => writers.every((writer) => textOf(writer) === reference()),
      `replicas converge (seed ${SEED})`,
      10_000,
    );
    await waitFor(
      async () => (await storedText(plan)) === reference(),
      `the stored state equals them (seed ${SEED})`,
      5000,
      50,
    );
    assert.ok(disconnects > 0, 'the run exercised disconnects');
    assert.equal((await leaseOf(board))?.epoch, lease.epoch, 'one owner all along');
  } finally {
    for (const writer of writers) writer.destroy();
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

test('a socket sent to the other process, marked as already passed, is still checked: strangers get nothing', async () => {
  const ivy = await person(first.url, 'Ivy');
  const board = await createBoard(ivy, 'Passed or not');
  const plan = planDoc(board);
  const writer = writerOn(first, ivy, plan, 'owner side');
  try {
    await waitFor(() => writer.provider.synced, 'the first process serves the board');
    typeInto(writer, 'private plan ');
    const stranger = await person(first.url, 'Stranger');
    const origin = new URL(first.url).origin;
    const mark = { 'x-board-forwarded-by': `127.0.0.1:${first.port}` };
    for (const cookie of [null, stranger.cookieHeader()]) {
      for (const server of [first, second]) {
        const outcome = await RawYjsSocket.open(server.url, plan, cookie, { headers: mark, origin });
        assert.equal(outcome.opened, false, `${cookie ? 'a stranger' : 'nobody'} on ${server.url} is not let in`);
        if (!outcome.opened) assert.ok([401, 404, 503].includes(outcome.status), `refused with ${outcome.status}`);
      }
    }
  } finally {
    writer.destroy();
  }
});

/** The same person's session, asking `server` (as the proxy might send them to any process). */
function sameSessionOn(server: RunningServer, who: TestClient): TestClient {
  const client = new TestClient(server.url);
  for (const pair of who.cookieHeader().split('; ')) {
    const eq = pair.indexOf('=');
    if (eq > 0) client.setCookie(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return client;
}

test('run mode driven through the process that does not serve the board writes its debrief through the one that does', async () => {
  const ivy = await person(first.url, 'Ivy');
  const board = await createBoard(ivy, 'The day, elsewhere');
  const writer = writerOn(first, ivy, planDoc(board), 'keeps the board on the first process');
  try {
    await waitFor(() => writer.provider.synced, 'served by the first process');
    const elsewhere = sameSessionOn(second, ivy);
    const origin = { origin: new URL(first.url).origin };
    const started = await elsewhere.request(
      'POST',
      `/api/boards/${board}/attempts/1/run`,
      { type: 'start', rehearsal: false, timeZone: 'Europe/Berlin' },
      origin,
    );
    assert.equal(started.status, 200);
    await waitFor(
      async () => {
        const { body } = await elsewhere.json<{ debrief: { details: string } }>(
          'GET',
          `/api/boards/${board}/attempts/1/debrief`,
        );
        return body.debrief.details.includes('We began.');
      },
      'the debrief has the first entry',
      10_000,
      100,
    );
    assert.equal((await leaseOf(board))?.address, `127.0.0.1:${first.port}`, 'still served by the first process');
  } finally {
    writer.destroy();
  }
});

test('a server edit sent between processes without the shared secret is refused and stores nothing', async () => {
  const ivy = await person(first.url, 'Ivy');
  const board = await createBoard(ivy, 'Forged edits');
  const docName = `board/${board}/debrief/1`;
  const body = JSON.stringify({ docName, userId: ivy.userId, update: Buffer.from([0, 0]).toString('base64') });
  const attempts: Array<Record<string, string>> = [
    {},
    { 'x-board-peer-time': String(Date.now()), 'x-board-peer-signature': 'forged' },
    { 'x-board-peer-time': '1', 'x-board-peer-signature': 'a'.repeat(43) },
  ];
  for (const headers of attempts) {
    const response = await fetch(`${first.url}/_peer/doc-edit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    assert.equal(response.status, 401);
  }
  const store = readStoreOf({ dataDir: '', databaseUrl: database.url });
  try {
    assert.equal(await store.loggedCount(docName), 0, 'nothing stored');
  } finally {
    await store.close();
  }
});
