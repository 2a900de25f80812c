/**
 * Convergence through the real server: seeded random edits (inserts and deletes at random
 * positions of a Y.Text, sets and deletes in a Y.Map) from several writers that randomly
 * disconnect and reconnect, while a viewer watches. At checkpoints everyone reconnects; every
 * replica and the server's stored state (its SQLite file or PostgreSQL database, rebuilt with
 * server/update-log/rebuild.ts) must be identical, and the log's sequence numbers have no gaps.
 *
 * FUZZ_ROUNDS (default 300) sets the number of rounds, FUZZ_SEED the seed (printed on failure).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as Y from 'yjs';
import { addMember, anotherSession, createBoard, person, planDoc } from '../helpers/board';
import { type RunningServer, startServer } from '../helpers/server';
import { prng } from '../helpers/prng';
import { openProvider, type ProviderClient } from '../helpers/providers';
import { readStoreOf } from '../helpers/store-reader';
import { sleep, waitFor } from '../helpers/wait';

let server: RunningServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.dispose();
});

const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 1_337_2025);
const CHECK_EVERY = 100;

interface Snapshot {
  text: string;
  map: Record<string, unknown>;
  stateVector: string;
}

/** Map entries sorted by key: a Y.Map's iteration order is its replica's insertion order. */
function snapshotOf(doc: Y.Doc): Snapshot {
  const map = doc.getMap('plan').toJSON();
  return {
    text: doc.getText('text').toString(),
    map: Object.fromEntries(
      Object.keys(map)
        .sort()
        .map((key) => [key, map[key]]),
    ),
    stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('hex'),
  };
}

test(`seeded random edits with random disconnects converge, and match the stored state`, async () => {
  assert.ok(Number.isInteger(ROUNDS) && ROUNDS > 0, 'FUZZ_ROUNDS must be a positive integer');
  const url = server.url;
  const ivy = await person(url, 'Ivy');
  const fern = await person(url, 'Fern');
  const gus = await person(url, 'Gus');
  const vera = await person(url, 'Vera');
  const board = await createBoard(ivy, 'Convergence');
  await addMember(ivy, board, fern, 'family');
  await addMember(ivy, board, gus, 'family');
  await addMember(ivy, board, vera, 'viewer');
  const ivyTablet = await anotherSession(url, ivy);
  const plan = planDoc(board);
  const writers: ProviderClient[] = [ivy, fern, gus, ivyTablet].map((who, i) =>
    openProvider(url, who.cookieHeader(), plan, { label: `writer ${i}` }),
  );
  const viewer = openProvider(url, vera.cookieHeader(), plan, { label: 'viewer' });
  const everyone = [...writers, viewer];
  const random = prng(SEED);
  const int = (n: number): number => Math.floor(random() * n);
  const alphabet = 'abcdefghij KLMNOP.,;éü😀\n';
  const randomString = (): string =>
    Array.from({ length: 1 + int(8) }, () => [...alphabet][int([...alphabet].length)] ?? 'x').join('');
  const randomValue = (): unknown => {
    switch (int(4)) {
      case 0:
        return int(1000);
      case 1:
        return randomString();
      case 2:
        return { nested: [int(10), randomString()], flag: random() < 0.5 };
      default:
        return null;
    }
  };
  const tally = { insert: 0, delete: 0, mapSet: 0, mapDelete: 0, disconnect: 0, connect: 0, offlineEdits: 0 };
  let checks = 0;

  const converge = async (label: string): Promise<void> => {
    for (const c of everyone) if (!c.provider.shouldConnect) c.provider.connect();
    await waitFor(() => everyone.every((c) => c.provider.synced), `${label}: everyone synced`, 10_000);
    const reference = (): string => JSON.stringify(snapshotOf(writers[0]?.doc ?? new Y.Doc()));
    await waitFor(
      () => everyone.every((c) => JSON.stringify(snapshotOf(c.doc)) === reference()),
      `${label}: replicas converge (seed ${SEED})`,
      10_000,
    );
    const expected = snapshotOf(writers[0]?.doc ?? new Y.Doc());
    const store = readStoreOf(server);
    try {
      // The log is written before the broadcast that made the replicas converge.
      const stored = await store.doc(plan);
      try {
        assert.deepEqual(snapshotOf(stored), expected, `${label}: stored state equals the replicas (seed ${SEED})`);
      } finally {
        stored.destroy();
      }
      const seqs = await store.loggedSeqs(plan);
      assert.deepEqual(
        seqs,
        seqs.map((_seq, index) => index + 1),
        `${label}: the log's sequence numbers run 1..n without gaps`,
      );
    } finally {
      await store.close();
    }
    checks++;
  };

  try {
    await waitFor(() => everyone.every((c) => c.provider.synced), 'initial sync');
    for (let round = 1; round <= ROUNDS; round++) {
      const client = writers[int(writers.length)] as ProviderClient;
      const text = client.doc.getText('text');
      const map = client.doc.getMap('plan');
      const offline = !client.provider.wsconnected;
      const roll = random();
      if (roll < 0.4) {
        text.insert(int(text.length + 1), randomString());
        tally.insert++;
      } else if (roll < 0.6) {
        if (text.length > 0) {
          const at = int(text.length);
          text.delete(at, 1 + int(Math.min(5, text.length - at)));
          tally.delete++;
        }
      } else if (roll < 0.78) {
        map.set(`k${int(12)}`, randomValue());
        tally.mapSet++;
      } else if (roll < 0.85) {
        map.delete(`k${int(12)}`);
        tally.mapDelete++;
      } else if (client.provider.shouldConnect) {
        client.provider.disconnect();
        tally.disconnect++;
      } else {
        client.provider.connect();
        tally.connect++;
      }
      if (offline && roll < 0.85) tally.offlineEdits++;
      // Let the network interleave: sometimes a few ms, usually just a turn of the event loop.
      if (random() < 0.3) await sleep(int(4));
      else await new Promise<void>((resolve) => setImmediate(resolve));
      if (round % CHECK_EVERY === 0 || round === ROUNDS) await converge(`round ${round}`);
    }
  } finally {
    for (const c of everyone) c.destroy();
  }
  assert.ok(tally.disconnect > 0 && tally.offlineEdits > 0, 'the run exercised disconnects and offline edits');
  console.log(
    `convergence: ${ROUNDS} rounds (seed ${SEED}), ${writers.length} writers + 1 viewer, ${checks} convergence checks; ` +
      `ops ${JSON.stringify(tally)}`,
  );
});

test('a synced writer reconnecting adds nothing to the log or the history', async () => {
  const url = server.url;
  const ivy = await person(url, 'Ivy');
  const board = await createBoard(ivy, 'Reconnects');
  const plan = planDoc(board);
  const writer = openProvider(url, ivy.cookieHeader(), plan, { label: 'writer' });
  const store = readStoreOf(server);
  try {
    await waitFor(() => writer.provider.synced, 'synced');
    const text = writer.doc.getText('text');
    text.insert(0, 'hello, world');
    text.delete(0, 7); // a document with deletions, like every real one
    await waitFor(async () => (await store.loggedCount(plan)) === 2, 'two edits logged');
    const history = async (): Promise<number> =>
      (await ivy.json<{ changes: unknown[] }>('GET', `/api/boards/${board}/history?doc=${encodeURIComponent(plan)}`))
        .body.changes.length;
    assert.equal(await history(), 2);
    // Room.applyClientUpdate: "a synced client's sync step 2 looks like this on every reconnect"
    // and is not recorded. A provider's step 2 carries its whole delete set, though.
    for (let i = 0; i < 3; i++) {
      writer.provider.disconnect();
      writer.provider.connect();
      await waitFor(() => writer.provider.synced, `reconnect ${i}`);
    }
    // Its sync step 2 answers the server's step 1 and may still be in flight once it is synced.
    await sleep(300);
    assert.equal(await store.loggedCount(plan), 2, 'reconnects that change nothing are not logged');
    assert.equal(await history(), 2, 'nor listed as changes in the history');
  } finally {
    await store.close();
    writer.destroy();
  }
});
