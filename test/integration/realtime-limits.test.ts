/**
 * Caps per person (docs/realtime.md, section 7), on the real server with small limits set through
 * REALTIME_LIMITS: document sockets per session and per person, documents per person, bytes the
 * update log takes per document and per person, board-channel connections and events, history
 * requests. Each refusal is a named close code or a 429 with Retry-After, and touches nobody
 * else. And an update that breaks a room cuts its sender only.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CloseCode } from '../../lib/protocol/close-codes';
import type { TestClient } from '../helpers/client';
import {
  addMember,
  anotherSession,
  createBoard,
  lettersDoc,
  notesDoc,
  openChannel,
  person,
  planDoc,
} from '../helpers/board';
import { roomBreakingUpdates } from '../helpers/broken-update';
import { syncUpdate, textUpdate } from '../helpers/frames';
import { openDoc } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { RawYjsSocket } from '../helpers/sockets';
import { readStoreOf, type StoreReader } from '../helpers/store-reader';
import { sleep, waitFor } from '../helpers/wait';

const LIMITS = {
  maxSocketsPerSession: 3,
  maxSocketsPerUser: 4,
  maxRoomsPerUser: 2,
  loggedBytesPerDocPerHour: 20_000,
  loggedBytesPerUserPerHour: 30_000,
  channelEventsPerSecond: 5,
  historyRequestsPerMinute: 5,
};

let server: RunningServer;
let store: StoreReader | null = null;
before(async () => {
  server = await startServer({ env: { REALTIME_LIMITS: JSON.stringify(LIMITS) } });
});
after(async () => {
  await store?.close();
  await server?.dispose();
});

function stored(docName: string): Promise<number> {
  store ??= readStoreOf(server);
  return store.loggedCount(docName);
}

async function boardWith(...labels: string[]): Promise<{ board: string; people: TestClient[] }> {
  const everyone: TestClient[] = [];
  for (const label of labels) everyone.push(await person(server.url, label));
  const [lead, ...others] = everyone;
  if (!lead) throw new Error('a board needs someone to create it');
  const board = await createBoard(lead, 'Caps');
  for (const other of others) await addMember(lead, board, other, 'family');
  return { board, people: [lead, ...others] };
}

const open = (who: TestClient, docName: string, label: string) =>
  RawYjsSocket.connect(server.url, docName, who.cookieHeader(), label);

test('document sockets per session and per person, and documents per person: refused with transient codes', async () => {
  const { board, people } = await boardWith('Ivy', 'Fern');
  const [ivy, fern] = people as [TestClient, TestClient];
  const phone = [
    await open(ivy, planDoc(board), 'phone 1'),
    await open(ivy, planDoc(board), 'phone 2'),
    await open(ivy, notesDoc(board), 'phone 3'),
  ];
  for (const socket of phone) await socket.roundtrip();
  const fourth = await open(ivy, planDoc(board), 'phone 4');
  assert.equal((await fourth.closedWithin()).code, CloseCode.TooManySockets);
  assert.equal(fourth.frames.length, 0, 'nothing of the document reached it');

  // Her second device has room for one more socket: her own total is four.
  const laptop = await anotherSession(server.url, ivy);
  const laptopPlan = await open(laptop, planDoc(board), 'laptop 1');
  await laptopPlan.roundtrip();
  const laptopMore = await open(laptop, planDoc(board), 'laptop 2');
  assert.equal((await laptopMore.closedWithin()).code, CloseCode.TooManySockets);

  // With a socket to spare, a third document is still refused: she holds the plan and the notes.
  phone[0]?.close();
  await phone[0]?.closed;
  const letters = await RawYjsSocket.open(server.url, lettersDoc(board, fern.userId), laptop.cookieHeader());
  assert.ok(letters.opened);
  assert.equal((await letters.socket.closedWithin()).code, CloseCode.TooManyDocuments);

  // Fern is not affected, and a provider of hers syncs as usual.
  const fernPlan = await openDoc(fern, planDoc(board));
  fernPlan.destroy();
  for (const socket of [...phone, laptopPlan]) socket.close();
});

test('bytes the update log takes per document and per person per hour: past them, QuotaExceeded and nothing stored', async () => {
  const { board, people } = await boardWith('Ivy', 'Fern', 'Gus');
  const [, fern, gus] = people as [TestClient, TestClient, TestClient];
  const fernPlan = await open(fern, planDoc(board), 'fern');
  fernPlan.send(syncUpdate(textUpdate('f'.repeat(15_000))));
  await fernPlan.roundtrip();
  assert.equal(await stored(planDoc(board)), 1);
  // The plan's budget (20,000 bytes an hour) cannot take another 15,000, whoever sends them.
  const gusPlan = await open(gus, planDoc(board), 'gus');
  gusPlan.send(syncUpdate(textUpdate('g'.repeat(15_000))));
  assert.equal((await gusPlan.closedWithin()).code, CloseCode.QuotaExceeded);
  assert.equal(await stored(planDoc(board)), 1, 'nothing of it was stored');
  // Fern's own budget (30,000) spans her documents: 15,000 more on her letters fit, then no more.
  const fernLetters = await open(fern, lettersDoc(board, fern.userId), 'fern letters');
  fernLetters.send(syncUpdate(textUpdate('l'.repeat(14_000))));
  await fernLetters.roundtrip();
  fernLetters.send(syncUpdate(textUpdate('m'.repeat(2_000))));
  assert.equal((await fernLetters.closedWithin()).code, CloseCode.QuotaExceeded);
  assert.equal(await stored(lettersDoc(board, fern.userId)), 1);
  // Small edits by others still go through, and the plan's other socket stayed open.
  const gusLetters = await open(gus, lettersDoc(board, gus.userId), 'gus letters');
  gusLetters.send(syncUpdate(textUpdate('a few words')));
  await gusLetters.roundtrip();
  assert.equal(await stored(lettersDoc(board, gus.userId)), 1);
  assert.equal(fernPlan.isClosed, false);
  for (const socket of [fernPlan, gusLetters]) socket.close();
});

test('board-channel connections per session are capped, and a flood of events cuts that connection only', async () => {
  const { board, people } = await boardWith('Ivy', 'Fern');
  const [ivy, fern] = people as [TestClient, TestClient];
  const channels = [
    await openChannel(server.url, fern.cookieHeader()),
    await openChannel(server.url, fern.cookieHeader()),
    await openChannel(server.url, fern.cookieHeader()),
  ];
  await assert.rejects(openChannel(server.url, fern.cookieHeader()), /too_many_connections/);
  channels[2]?.close();
  await waitFor(async () => {
    try {
      channels[2] = await openChannel(server.url, fern.cookieHeader());
      return true;
    } catch {
      return false;
    }
  }, 'a closed connection gives its place back');

  const flooder = channels[0];
  assert.ok(flooder);
  assert.equal((await flooder.join(board)).ok, true);
  const watcher = await openChannel(server.url, ivy.cookieHeader());
  assert.equal((await watcher.join(board)).ok, true);
  const before = watcher.named('presence').length;
  for (let i = 0; i < 50; i++) {
    flooder.socket.emit('presence:update', { boardId: board, section: i % 2 === 0 ? 'logistics' : 'approach' });
  }
  await waitFor(() => flooder.disconnects.length > 0, 'the flooding connection is cut');
  assert.equal(flooder.disconnects[0]?.reason, 'transport close', 'cut, not ended: the page reconnects later');
  // At most the allowed events were acted on (each broadcast a presence); the others stay.
  await sleep(200);
  const broadcasts = watcher.named('presence').length - before;
  assert.ok(broadcasts <= LIMITS.channelEventsPerSecond + 1, `${broadcasts} presence broadcasts`);
  assert.equal(watcher.disconnects.length, 0);
  assert.equal((await watcher.join(board)).ok, true, 'the others are still served');
  for (const channel of [...channels, watcher]) channel.close();
});

test('history requests per person per minute: past the limit, 429 with Retry-After; others unaffected', async () => {
  const { board, people } = await boardWith('Ivy', 'Fern');
  const [ivy, fern] = people as [TestClient, TestClient];
  const path = `/api/boards/${board}/history?doc=${encodeURIComponent(planDoc(board))}`;
  const paths = [
    path,
    path.replace('/history?', '/history/timeline?'),
    `${path.replace('/history?', '/history/state?')}&seq=0`,
  ];
  for (let i = 0; i < LIMITS.historyRequestsPerMinute; i++) {
    const res = await ivy.request('GET', paths[i % paths.length] ?? path);
    assert.equal(res.status, 200, `request ${i + 1}`);
    await res.arrayBuffer();
  }
  for (const each of paths) {
    const refused = await ivy.request('GET', each);
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'rate_limited');
  }
  const other = await fern.request('GET', path);
  assert.equal(other.status, 200, 'another person has a budget of their own');
  await other.arrayBuffer();
});

test('an update that breaks a room cuts its sender only: the others stay connected and keep syncing', async () => {
  const { board, people } = await boardWith('Ivy', 'Fern', 'Gus');
  const [ivy, fern, gus] = people as [TestClient, TestClient, TestClient];
  const ivyPlan = await openDoc(ivy, planDoc(board));
  const fernPlan = await openDoc(fern, planDoc(board));
  // A document, then an update to it that Yjs decodes but cannot apply whole (server/yjs/room-broken.test.ts).
  const { base, breaking } = roomBreakingUpdates();
  const gusPlan = await open(gus, planDoc(board), 'gus');
  gusPlan.send(syncUpdate(base));
  await waitFor(() => fernPlan.doc.getText('text').toString() === 'hello world', 'the base reached fern');
  gusPlan.send(syncUpdate(breaking));
  assert.equal((await gusPlan.closedWithin()).code, CloseCode.MalformedMessage);
  ivyPlan.doc.getText('text').insert(0, '> ');
  await waitFor(() => fernPlan.doc.getText('text').toString() === '> hello world', 'fern still receives ivy');
  assert.deepEqual(ivyPlan.closeCodes, []);
  assert.deepEqual(fernPlan.closeCodes, []);
  assert.deepEqual(fernPlan.doc.getMap('plan').toJSON(), { a: 1 }, 'nothing of the broken update reached fern');
  ivyPlan.destroy();
  fernPlan.destroy();
});
