/**
 * When a record shrinks someone's access (removal, demotion, sign-out, unsharing, freezing,
 * deletion), every open socket whose access shrank is closed within a second with the right
 * close code, and nothing of the document reaches it afterwards. socket.io follows suit.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { CloseCode } from '../../lib/realtime/close-codes';
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
import { type RunningServer, startServer } from '../helpers/server';
import {
  openProvider,
  openStore,
  type ProviderClient,
  RawYjsSocket,
  sleep,
  storageContains,
  storedDocNames,
  bytesOf,
  synced,
  waitFor,
  loggedCount,
  storedDoc,
} from '../helpers/yjs';

let server: RunningServer;
let ivy: TestClient; // interventionist of every board here
let fern: TestClient; // family
let gus: TestClient; // family
let vera: TestClient; // viewer

before(async () => {
  server = await startServer();
  ivy = await person(server.url, 'Ivy');
  fern = await person(server.url, 'Fern');
  gus = await person(server.url, 'Gus');
  vera = await person(server.url, 'Vera');
});
after(async () => {
  await server?.dispose();
});

/** Everything a test opened, closed after it whatever happened. */
const open: { providers: ProviderClient[]; raws: RawYjsSocket[]; channels: BoardChannelClient[] } = {
  providers: [],
  raws: [],
  channels: [],
};
afterEach(() => {
  for (const p of open.providers.splice(0)) p.destroy();
  for (const r of open.raws.splice(0)) r.terminate();
  for (const c of open.channels.splice(0)) c.close();
});

const provider = (who: TestClient, docName: string, label: string): ProviderClient => {
  const client = openProvider(server.url, who.cookieHeader(), docName, { label });
  open.providers.push(client);
  return client;
};
const raw = async (who: TestClient, docName: string, label: string): Promise<RawYjsSocket> => {
  const socket = await RawYjsSocket.connect(server.url, docName, who.cookieHeader(), label);
  open.raws.push(socket);
  await socket.roundtrip();
  return socket;
};
const channel = async (who: TestClient, boardId: string): Promise<BoardChannelClient> => {
  const client = await openChannel(server.url, who.cookieHeader());
  open.channels.push(client);
  const joined = await client.join(boardId);
  assert.equal(joined.ok, true, `${who.name} joins the board channel`);
  return client;
};
const text = (c: ProviderClient): string => c.doc.getText('text').toString();
const share = (boardId: string) => `/api/boards/${boardId}/attempts/1/letters/share`;

/** Timestamps of the changes a test makes, to check "within a second" against. */
async function timed(action: () => Promise<void>): Promise<number> {
  await action();
  return Date.now();
}

function assertClosedBy(deadline: number, closedAt: number | undefined, label: string): void {
  assert.ok(closedAt !== undefined, `${label} was closed`);
  assert.ok(closedAt <= deadline, `${label} closed ${closedAt - (deadline - 1000)} ms after the change`);
}

async function upgradeStatus(who: TestClient, docName: string): Promise<number> {
  const outcome = await RawYjsSocket.open(server.url, docName, who.cookieHeader());
  if (outcome.opened) {
    outcome.socket.terminate();
    return 101;
  }
  return outcome.status;
}

test('a removed member: Yjs sockets closed with AccessRevoked within a second, nothing after; socket.io access-lost', async () => {
  const board = await createBoard(ivy, 'Removal');
  await addMember(ivy, board, fern, 'family');
  await addMember(ivy, board, gus, 'family');
  await expectStatus(gus, 'PUT', share(board), { shared: true }, 200);
  const plan = planDoc(board);
  const ivyPlan = provider(ivy, plan, 'ivy plan');
  const gusPlan = provider(gus, plan, 'gus plan');
  const fernPlan = provider(fern, plan, 'fern plan');
  const gusLetters = provider(gus, lettersDoc(board, gus.userId), 'gus letters');
  await Promise.all([ivyPlan, gusPlan, fernPlan, gusLetters].map((c) => synced(c)));
  const fernOwnLetters = await raw(fern, lettersDoc(board, fern.userId), 'fern own letters');
  const fernReadsGus = await raw(fern, lettersDoc(board, gus.userId), 'fern reads gus letters');
  const fernChannel = await channel(fern, board);
  const gusChannel = await channel(gus, board);

  ivyPlan.doc.getText('text').insert(0, 'before ');
  gusLetters.doc.getText('text').insert(0, 'dear ');
  await waitFor(() => text(fernPlan).includes('before') && fernReadsGus.learnedDoc().getText('text').toString().includes('dear'), 'fern synced');
  fernPlan.provider.awareness.setLocalStateField('user', { name: 'Fern' });
  await waitFor(() => ivyPlan.provider.awareness.getStates().has(fernPlan.doc.clientID), 'ivy sees fern\'s presence');
  assert.equal((await fern.json('GET', `/api/boards/${board}/history?doc=${encodeURIComponent(plan)}`)).status, 200);

  const changed = await timed(() => expectStatus(ivy, 'DELETE', `/api/boards/${board}/members/${fern.userId}`, undefined, 204));
  const deadline = changed + 1000;
  await waitFor(
    () => fernPlan.terminal.length > 0 && fernOwnLetters.isClosed && fernReadsGus.isClosed,
    'all of fern\'s sockets closed',
    Math.max(1, deadline - Date.now()) + 200,
  );
  for (const socket of [fernOwnLetters, fernReadsGus]) {
    assert.equal(socket.closeInfo?.code, CloseCode.AccessRevoked, socket.label);
    assertClosedBy(deadline, socket.closeInfo?.at, socket.label);
  }
  assert.deepEqual(fernPlan.terminal.map((t) => t.code), [CloseCode.AccessRevoked]);
  assertClosedBy(deadline, fernPlan.closes[0]?.at, 'fern plan provider');
  assert.equal(fernPlan.provider.shouldConnect, false, 'the provider stops reconnecting');
  const closedAt = Math.max(fernOwnLetters.closeInfo?.at ?? 0, fernReadsGus.closeInfo?.at ?? 0, fernPlan.closes[0]?.at ?? 0);

  // Later edits reach everyone else but never fern.
  ivyPlan.doc.getText('text').insert(0, 'after-removal ');
  gusLetters.doc.getText('text').insert(0, 'private ');
  await waitFor(() => text(gusPlan).includes('after-removal'), 'gus sees the edit');
  await sleep(300);
  assert.equal(text(fernPlan).includes('after-removal'), false);
  assert.equal(fernPlan.closes.length, 1, 'never reconnected');
  assert.equal(fernOwnLetters.framesAfter(closedAt), 0);
  assert.equal(fernReadsGus.framesAfter(closedAt), 0);
  assert.equal(fernReadsGus.receivedContains(bytesOf('private')), false);
  for (const c of [ivyPlan, gusPlan, gusLetters]) assert.deepEqual(c.closes, [], `${c.label} untouched`);
  assert.equal(await upgradeStatus(fern, plan), 404, 'a new upgrade is refused');
  assert.equal((await fern.json('GET', `/api/boards/${board}/history?doc=${encodeURIComponent(plan)}`)).status, 404, 'nor history');
  await waitFor(() => !ivyPlan.provider.awareness.getStates().has(fernPlan.doc.clientID), 'fern\'s presence is gone for the others');

  // socket.io: fern is told, leaves the room, and hears nothing more of the board.
  await waitFor(() => fernChannel.named('board:access-lost').length === 1, 'board:access-lost', 1000);
  const lost = fernChannel.named('board:access-lost')[0];
  assert.deepEqual(lost?.payload, { boardId: board });
  await addMember(ivy, board, vera, 'viewer'); // a board-wide 'members' event
  await waitFor(
    () => gusChannel.named('board:changed').some((e) => JSON.stringify(e.payload).includes('joined')),
    'gus hears of the new member',
  );
  await sleep(100);
  const afterLoss = fernChannel.events.filter((e) => e.at >= (lost?.at ?? 0) && e.name !== 'board:access-lost');
  assert.deepEqual(afterLoss.map((e) => e.name), [], 'nothing of the board after access-lost');
  assert.equal(
    fernChannel.named('board:changed').some((e) => JSON.stringify(e.payload).includes('removed')),
    false,
    'the removal notice goes to those who remain',
  );
  assert.equal(fernChannel.socket.connected, true, 'the socket itself stays (other boards)');
  assert.deepEqual(await fernChannel.join(board), { ok: false, error: 'not_found' });
});

test('a member demoted to viewer: write sockets closed with AccessReduced and reconnect read-only', async () => {
  const board = await createBoard(ivy, 'Demotion');
  await addMember(ivy, board, fern, 'family');
  await addMember(ivy, board, gus, 'family');
  await expectStatus(gus, 'PUT', share(board), { shared: true }, 200);
  const plan = planDoc(board);
  const ivyPlan = provider(ivy, plan, 'ivy plan');
  const fernPlan = provider(fern, plan, 'fern plan');
  await Promise.all([synced(ivyPlan), synced(fernPlan)]);
  const fernOwnLetters = await raw(fern, lettersDoc(board, fern.userId), 'fern own letters');
  const fernReadsGus = await raw(fern, lettersDoc(board, gus.userId), 'fern reads gus letters');
  const fernChannel = await channel(fern, board);

  const changed = await timed(() => expectStatus(ivy, 'PATCH', `/api/boards/${board}/members/${fern.userId}`, { role: 'viewer' }, 200));
  const deadline = changed + 1000;
  await waitFor(() => fernPlan.closes.length > 0 && fernOwnLetters.isClosed, 'write sockets closed', Math.max(1, deadline - Date.now()) + 200);
  assert.equal(fernPlan.closes[0]?.code, CloseCode.AccessReduced, 'plan: write -> read');
  assertClosedBy(deadline, fernPlan.closes[0]?.at, 'fern plan');
  assert.equal(fernOwnLetters.closeInfo?.code, CloseCode.AccessRevoked, 'a viewer has no letters of their own');
  assertClosedBy(deadline, fernOwnLetters.closeInfo?.at, 'fern own letters');
  assert.equal(fernReadsGus.isClosed, false, 'shared letters stay readable by a viewer: not closed');
  assert.deepEqual(ivyPlan.closes, []);

  // AccessReduced is transient: the provider comes back, now read-only.
  await waitFor(() => fernPlan.provider.synced, 'fern reconnected', 5000);
  assert.deepEqual(fernPlan.terminal, []);
  fernPlan.doc.getText('text').insert(0, 'viewer edit ');
  ivyPlan.doc.getText('text').insert(0, 'ivy edit ');
  await waitFor(() => text(fernPlan).includes('ivy edit'), 'a reader still receives');
  await sleep(200);
  assert.equal(text(ivyPlan).includes('viewer edit'), false, 'a reader\'s edit reaches nobody');
  const db = openStore(server.dataDir);
  try {
    assert.equal(storageContains(db, bytesOf('viewer edit')), false, 'nor storage');
    assert.equal(storageContains(db, bytesOf('ivy edit')), true);
  } finally {
    db.close();
  }

  await waitFor(() => fernChannel.named('board:role-changed').length === 1, 'board:role-changed', 1000);
  assert.deepEqual(fernChannel.named('board:role-changed')[0]?.payload, { boardId: board, role: 'viewer' });
});

test('signing out closes that session\'s sockets (Yjs and socket.io) and no other', async () => {
  const board = await createBoard(ivy, 'Sign-out');
  await addMember(ivy, board, fern, 'family');
  const phone = await anotherSession(server.url, fern);
  const laptop = await anotherSession(server.url, fern);
  const plan = planDoc(board);
  const ivyPlan = provider(ivy, plan, 'ivy plan');
  const phonePlan = provider(phone, plan, 'phone plan');
  const laptopPlan = provider(laptop, plan, 'laptop plan');
  await Promise.all([ivyPlan, phonePlan, laptopPlan].map((c) => synced(c)));
  const phoneLetters = await raw(phone, lettersDoc(board, fern.userId), 'phone letters');
  const phoneChannel = await channel(phone, board);
  const laptopChannel = await channel(laptop, board);

  const phoneCookie = phone.cookieHeader();
  const changed = await timed(() => phone.signOut());
  const deadline = changed + 1000;
  await waitFor(
    () => phonePlan.terminal.length > 0 && phoneLetters.isClosed && phoneChannel.disconnects.length > 0,
    'the signed-out session\'s sockets closed',
    Math.max(1, deadline - Date.now()) + 200,
  );
  assertClosedBy(deadline, phoneLetters.closeInfo?.at, 'phone letters');
  assertClosedBy(deadline, phonePlan.closes[0]?.at, 'phone plan');
  assertClosedBy(deadline, phoneChannel.disconnects[0]?.at, 'phone socket.io');
  assert.equal(phonePlan.provider.shouldConnect, false, 'terminal: the provider stops');
  assert.equal(phoneChannel.named('session:ended').length, 1, 'told why');
  assert.equal(phoneChannel.disconnects[0]?.reason, 'io server disconnect');

  // The other session of the same person is untouched and keeps syncing.
  ivyPlan.doc.getText('text').insert(0, 'after sign-out ');
  await waitFor(() => text(laptopPlan).includes('after sign-out'), 'laptop keeps syncing');
  await sleep(200);
  assert.equal(text(phonePlan).includes('after sign-out'), false);
  assert.deepEqual(laptopPlan.closes, []);
  assert.equal(laptopChannel.socket.connected, true);
  assert.equal(laptopChannel.named('session:ended').length, 0);
  const replay = await RawYjsSocket.open(server.url, plan, phoneCookie);
  assert.equal(replay.opened ? 101 : replay.status, 401, 'the old cookie is refused at the upgrade');
  await assert.rejects(openChannel(server.url, phoneCookie), /unauthorized/, 'and by socket.io');

  // lib/realtime/close-codes.ts: NotAuthenticated is "the session behind this socket is gone
  // (signed out, expired)", distinct from AccessRevoked so that a page can send the person to
  // sign in again rather than tell them they lost access to the board.
  assert.equal(phoneLetters.closeInfo?.code, CloseCode.NotAuthenticated, 'close code of a signed-out session');
  assert.deepEqual(phonePlan.terminal.map((t) => t.code), [CloseCode.NotAuthenticated]);
});

test('unsharing letters closes the other readers\' sockets, not the owner\'s nor the interventionist\'s', async () => {
  const board = await createBoard(ivy, 'Unsharing');
  await addMember(ivy, board, fern, 'family');
  await addMember(ivy, board, gus, 'family');
  await addMember(ivy, board, vera, 'viewer');
  await expectStatus(fern, 'PUT', share(board), { shared: true }, 200);
  const letters = lettersDoc(board, fern.userId);
  const fernLetters = provider(fern, letters, 'fern letters');
  const ivyLetters = provider(ivy, letters, 'ivy letters');
  const veraLetters = provider(vera, letters, 'vera letters');
  await Promise.all([fernLetters, ivyLetters, veraLetters].map((c) => synced(c)));
  const gusLetters = await raw(gus, letters, 'gus reads fern letters');
  const gusPlan = await raw(gus, planDoc(board), 'gus plan');
  const channels = {
    fern: await channel(fern, board),
    ivy: await channel(ivy, board),
    gus: await channel(gus, board),
    vera: await channel(vera, board),
  };
  fernLetters.doc.getText('text').insert(0, 'shared draft ');
  await waitFor(() => text(veraLetters).includes('shared draft'), 'vera reads');

  const changed = await timed(() => expectStatus(fern, 'PUT', share(board), { shared: false }, 200));
  const deadline = changed + 1000;
  await waitFor(() => veraLetters.terminal.length > 0 && gusLetters.isClosed, 'readers closed', Math.max(1, deadline - Date.now()) + 200);
  assert.equal(gusLetters.closeInfo?.code, CloseCode.AccessRevoked);
  assertClosedBy(deadline, gusLetters.closeInfo?.at, 'gus letters');
  assert.deepEqual(veraLetters.terminal.map((t) => t.code), [CloseCode.AccessRevoked]);
  assertClosedBy(deadline, veraLetters.closes[0]?.at, 'vera letters');
  assert.equal(gusPlan.isClosed, false, 'the plan is not affected');

  fernLetters.doc.getText('text').insert(0, 'private again ');
  await waitFor(() => text(ivyLetters).includes('private again'), 'the interventionist still reads');
  await sleep(200);
  assert.equal(text(veraLetters).includes('private again'), false);
  assert.equal(gusLetters.receivedContains(bytesOf('private again')), false);
  assert.deepEqual(fernLetters.closes, []);
  assert.deepEqual(ivyLetters.closes, []);

  // The event about an unshared letter goes to its owner and the interventionists only.
  const unshared = (c: BoardChannelClient) =>
    c.named('board:changed').filter((e) => JSON.stringify(e.payload).includes('"shared":false'));
  await waitFor(() => unshared(channels.fern).length === 1 && unshared(channels.ivy).length === 1, 'owner and interventionist told');
  await sleep(100);
  assert.equal(unshared(channels.gus).length, 0, 'gus is not told about a private letter');
  assert.equal(unshared(channels.vera).length, 0, 'vera is not told about a private letter');
});

test('freezing the attempt closes writers with AccessReduced; readers stay', async () => {
  const board = await createBoard(ivy, 'Freezing');
  await addMember(ivy, board, fern, 'family');
  await addMember(ivy, board, vera, 'viewer');
  const plan = planDoc(board);
  const ivyPlan = provider(ivy, plan, 'ivy plan');
  const fernPlan = provider(fern, plan, 'fern plan');
  const veraPlan = provider(vera, plan, 'vera plan');
  await Promise.all([ivyPlan, fernPlan, veraPlan].map((c) => synced(c)));
  const changed = await timed(() => expectStatus(ivy, 'PUT', `/api/boards/${board}/attempts/1/freeze`, { frozen: true }, 200));
  const deadline = changed + 1000;
  await waitFor(() => ivyPlan.closes.length > 0 && fernPlan.closes.length > 0, 'writers closed', Math.max(1, deadline - Date.now()) + 200);
  for (const c of [ivyPlan, fernPlan]) {
    assert.equal(c.closes[0]?.code, CloseCode.AccessReduced, c.label);
    assertClosedBy(deadline, c.closes[0]?.at, c.label);
  }
  assert.deepEqual(veraPlan.closes, [], 'a reader is not disturbed');
  await Promise.all([synced(ivyPlan), synced(fernPlan)]);
  ivyPlan.doc.getText('text').insert(0, 'frozen edit ');
  await sleep(300);
  assert.equal(text(veraPlan).includes('frozen edit'), false, 'nobody writes a frozen plan');
  assert.equal(text(fernPlan).includes('frozen edit'), false);
});

test('deleting a board closes its sockets, tells socket.io, and leaves none of its content stored', async () => {
  const board = await createBoard(ivy, 'Deleted');
  await addMember(ivy, board, fern, 'family');
  const plan = planDoc(board);
  const secret = `DELETED-CONTENT-${Date.now()}`;
  const ivyPlan = provider(ivy, plan, 'ivy plan');
  const fernPlan = provider(fern, plan, 'fern plan');
  await Promise.all([synced(ivyPlan), synced(fernPlan)]);
  const fernChannel = await channel(fern, board);
  ivyPlan.doc.getText('text').insert(0, secret);
  await waitFor(() => text(fernPlan).includes(secret), 'fern has it');
  const before = openStore(server.dataDir);
  try {
    assert.equal(loggedCount(before, plan), 1, 'logged');
  } finally {
    before.close();
  }

  const changed = await timed(() => expectStatus(ivy, 'DELETE', `/api/boards/${board}`, { confirmTitle: 'Deleted' }, 204));
  const deadline = changed + 1000;
  await waitFor(() => ivyPlan.terminal.length > 0 && fernPlan.terminal.length > 0, 'sockets closed', Math.max(1, deadline - Date.now()) + 200);
  for (const c of [ivyPlan, fernPlan]) {
    assert.deepEqual(c.terminal.map((t) => t.code), [CloseCode.AccessRevoked], c.label);
    assertClosedBy(deadline, c.closes[0]?.at, c.label);
  }
  await waitFor(() => fernChannel.named('board:deleted').length === 1, 'board:deleted');
  assert.deepEqual(fernChannel.named('board:deleted')[0]?.payload, { boardId: board });

  // The room unloads once its last socket is gone; give it time, then look at the disk.
  await sleep(300);
  const db = openStore(server.dataDir);
  try {
    const rows = (table: string): number =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE doc LIKE ?`).get(`board/${board}/%`) as { n: number }).n;
    assert.deepEqual(
      { updates: rows('doc_updates'), checkpoints: rows('doc_checkpoints') },
      { updates: 0, checkpoints: 0 },
      'no update or checkpoint of the deleted board remains',
    );
    assert.deepEqual(storedDocNames(db).filter((name) => name.startsWith(`board/${board}/`)), []);
    assert.equal(storageContains(db, bytesOf(secret)), false, 'its content is gone from storage');
  } finally {
    db.close();
  }
});

test('staging the next attempt freezes the current one: writers closed with AccessReduced, nothing lands after the copy', async () => {
  const board = await createBoard(ivy, 'Staging');
  await addMember(ivy, board, fern, 'family');
  const first = planDoc(board, 1);
  const ivyPlan = provider(ivy, first, 'ivy plan 1');
  const fernPlan = provider(fern, first, 'fern plan 1');
  await Promise.all([synced(ivyPlan), synced(fernPlan)]);
  fernPlan.doc.getText('text').insert(0, 'carried over;');
  await waitFor(() => text(ivyPlan).includes('carried over'), 'ivy has it');

  // Fern keeps typing while the attempt is staged: whatever attempt 1 accepted must be in the
  // copy that became attempt 2, or it would be an edit made into a frozen attempt and lost.
  let n = 0;
  const typing = setInterval(() => fernPlan.doc.getText('text').insert(0, `<t${n++}>`), 3);
  let staged: { status: number; body: { attempt?: number } };
  let changed: number;
  try {
    await sleep(50);
    staged = await ivy.json<{ attempt?: number }>('POST', `/api/boards/${board}/attempts`);
    changed = Date.now();
    await sleep(100);
  } finally {
    clearInterval(typing);
  }
  assert.equal(staged.status, 201);
  assert.equal(staged.body.attempt, 2);
  const deadline = changed + 1000;
  for (const c of [ivyPlan, fernPlan]) {
    assert.equal(c.closes[0]?.code, CloseCode.AccessReduced, `${c.label}: the attempt is frozen`);
    assertClosedBy(deadline, c.closes[0]?.at, c.label);
  }
  const second = planDoc(board, 2);
  const db = openStore(server.dataDir);
  try {
    const tokens = (docName: string): string[] => {
      const d = storedDoc(db, docName);
      try {
        return [...d.getText('text').toString().matchAll(/<t\d+>/g)].map((m) => m[0]);
      } finally {
        d.destroy();
      }
    };
    const inFirst = tokens(first);
    const inSecond = new Set(tokens(second));
    assert.ok(inFirst.length > 0, 'attempt 1 accepted edits before the freeze');
    assert.deepEqual(
      inFirst.filter((t) => !inSecond.has(t)),
      [],
      'edits accepted by attempt 1 after its copy was taken (written into a frozen attempt, missing from attempt 2)',
    );
  } finally {
    db.close();
  }
  const fernSecond = provider(fern, second, 'fern plan 2');
  await synced(fernSecond);
  assert.ok(text(fernSecond).includes('carried over'), 'attempt 2 starts from attempt 1');
});
