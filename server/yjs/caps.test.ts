import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { CloseCode, isTerminalCloseCode } from '../../lib/protocol/close-codes';
import { syncUpdate, textUpdate } from '../../test/helpers/frames';
import { synced } from '../../test/helpers/providers';
import { RawYjsSocket } from '../../test/helpers/sockets';
import { storedCount } from '../../test/helpers/stored-docs';
import { cleanUp, client, identityHeaders, rawClient, startTestServer } from '../../test/helpers/sync-server';
import { waitFor } from '../../test/helpers/wait';
import { LogQuota } from './log-quota';

after(cleanUp);

const docs = ['board/b1/attempt/1', 'board/b1/notes', 'board/b1/letters/1/alice', 'board/b1/letters/1/bob'];

/** Opens a raw socket as `user` in `session`; resolves once it is open (or refused with a close). */
async function open(url: string, user: string, session: string, docName: string): Promise<RawYjsSocket> {
  const outcome = await RawYjsSocket.open(url, docName, null, { headers: identityHeaders(user, session) });
  return RawYjsSocket.mustHaveOpened(outcome);
}

test('sockets per session and per person, and documents per person, are capped; a refusal is a transient code', async () => {
  const server = await startTestServer({
    limits: { maxSocketsPerSession: 2, maxSocketsPerUser: 3, maxRoomsPerUser: 2 },
  });
  for (const doc of docs) {
    server.access.set('alice', doc, 'write');
    server.access.set('bob', doc, 'write');
  }
  const [plan, notes, letters] = docs as [string, string, string];
  const first = await open(server.url, 'alice', 'phone', plan);
  const second = await open(server.url, 'alice', 'phone', plan);
  await second.roundtrip();
  // A third socket of the same session: refused once open, before any of the document is sent.
  const third = await open(server.url, 'alice', 'phone', plan);
  assert.equal((await third.closedWithin()).code, CloseCode.TooManySockets);
  assert.equal(third.frames.length, 0, 'nothing of the document reached the refused socket');
  // Another session of hers has its own three... until her own total of three.
  const laptop = await open(server.url, 'alice', 'laptop', notes);
  await laptop.roundtrip();
  const fourth = await open(server.url, 'alice', 'laptop', notes);
  assert.equal((await fourth.closedWithin()).code, CloseCode.TooManySockets);
  // Someone else is not affected.
  const bob = await open(server.url, 'bob', 'bob', plan);
  await bob.roundtrip();

  // Documents: she holds two (plan, notes); a third document is refused even with sockets to spare.
  second.close();
  await second.closed;
  await waitFor(() => server.yjs.stats().connections === 3, 'the closed socket is given back');
  const thirdDoc = await open(server.url, 'alice', 'phone', letters);
  assert.equal((await thirdDoc.closedWithin()).code, CloseCode.TooManyDocuments);
  // A document she already holds is fine.
  const again = await open(server.url, 'alice', 'phone', plan);
  await again.roundtrip();

  // Both are transient: a provider retries (with backoff) and gets in once a place is free.
  assert.equal(isTerminalCloseCode(CloseCode.TooManySockets), false);
  assert.equal(isTerminalCloseCode(CloseCode.TooManyDocuments), false);
  // (She holds three sockets on two documents: a fourth socket is over her own total.)
  const waiting = client(server, 'alice', letters, { session: 'tablet' });
  await waitFor(() => waiting.closeCodes.includes(CloseCode.TooManySockets), 'the provider is refused');
  laptop.close();
  await synced(waiting, 10_000);
  for (const socket of [first, bob, again]) socket.close();
  waiting.destroy();
  await waitFor(() => server.yjs.stats().connections === 0, 'all closed');
  await server.stop();
});

test('a place is given back however the socket ends: terminated by the client or closed by the server', async () => {
  const server = await startTestServer({ limits: { maxSocketsPerSession: 1, maxSocketsPerUser: 1 } });
  const [plan] = docs as [string];
  server.access.set('alice', plan, 'write');
  for (let i = 0; i < 5; i++) {
    const socket = await rawClient(server, 'alice', plan);
    await socket.roundtrip();
    if (i % 2 === 0) socket.terminate();
    else socket.send(new Uint8Array([99])); // malformed: the server closes it (4400)
    await socket.closed;
    await waitFor(() => server.yjs.stats().connections === 0, 'released');
  }
  const last = await rawClient(server, 'alice', plan);
  await last.roundtrip();
  last.close();
  await server.stop();
});

test('logged bytes per document and per person per hour: the update past the budget is refused (terminal), nothing of it stored', async () => {
  const server = await startTestServer({ limits: { loggedBytesPerDocPerHour: 4000, loggedBytesPerUserPerHour: 6000 } });
  const [plan, notes] = docs as [string, string];
  for (const doc of [plan, notes]) {
    server.access.set('alice', doc, 'write');
    server.access.set('bob', doc, 'write');
  }
  const alice = await rawClient(server, 'alice', plan);
  alice.send(syncUpdate(textUpdate('a'.repeat(3000))));
  await alice.roundtrip();
  assert.equal(storedCount(server.sqlite, plan), 1);
  // The document's budget (4000) cannot take another 3000 bytes, whoever sends them.
  const bob = await rawClient(server, 'bob', plan);
  bob.send(syncUpdate(textUpdate('b'.repeat(3000))));
  assert.equal((await bob.closedWithin()).code, CloseCode.QuotaExceeded);
  assert.equal(isTerminalCloseCode(CloseCode.QuotaExceeded), true);
  assert.equal(storedCount(server.sqlite, plan), 1, 'nothing of it was stored');
  // Small edits still fit, and the others stay connected.
  alice.send(syncUpdate(textUpdate('small')));
  await alice.roundtrip();
  assert.equal(storedCount(server.sqlite, plan), 2);
  // Alice's own budget (6000) spans documents: 3000 more on the notes is over it.
  const aliceNotes = await rawClient(server, 'alice', notes);
  aliceNotes.send(syncUpdate(textUpdate('c'.repeat(3000))));
  assert.equal((await aliceNotes.closedWithin()).code, CloseCode.QuotaExceeded);
  assert.equal(storedCount(server.sqlite, notes), 0);
  // Bob's budget is his own.
  const bobNotes = await rawClient(server, 'bob', notes);
  bobNotes.send(syncUpdate(textUpdate('d'.repeat(3000))));
  await bobNotes.roundtrip();
  assert.equal(storedCount(server.sqlite, notes), 1);
  for (const socket of [alice, bobNotes]) socket.close();
  await server.stop();
});

test('a log budget refills continuously, and full budgets are forgotten', () => {
  let now = 0;
  const quota = new LogQuota(3600, 7200, () => now);
  assert.equal(quota.charge('d', 'u', 3600), true);
  assert.equal(quota.charge('d', 'u', 1), false, 'the document is spent');
  assert.equal(quota.charge('e', 'u', 3600), true, 'another document, same person');
  assert.equal(quota.charge('f', 'u', 1), false, 'the person is spent');
  now += 1000; // a second refills 1 byte of the document's 3600 per hour, 2 of the person's
  assert.equal(quota.charge('d', 'u', 2), false);
  assert.equal(quota.charge('d', 'u', 1), true);
  quota.prune();
  assert.equal(quota.size, 3, 'nothing is full yet');
  now += 60 * 60 * 1000;
  quota.prune();
  assert.equal(quota.size, 0, 'after an hour every budget is full again, and forgotten');
  assert.equal(quota.charge('d', 'u', 3600), true);
});
