/**
 * When a membership or a session ends or shrinks (removal, demotion to viewer, sign-out), every
 * open socket whose access shrank is closed within a second with the right close code, and
 * nothing of the document reaches it afterwards. socket.io follows suit.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { CloseCode } from '../../lib/protocol/close-codes';
import type { TestClient } from '../helpers/client';
import {
  addMember,
  anotherSession,
  createBoard,
  expectStatus,
  lettersDoc,
  openChannel,
  planDoc,
} from '../helpers/board';
import {
  assertClosedBy,
  lettersSharePath as share,
  planText as text,
  timed,
  useRevocationScene,
} from '../helpers/revocation-scene';
import type { RunningServer } from '../helpers/server';
import { bytesOf } from '../helpers/bytes';
import { synced } from '../helpers/providers';
import { RawYjsSocket } from '../helpers/sockets';
import { readStoreOf } from '../helpers/store-reader';
import { sleep, waitFor } from '../helpers/wait';

const scene = useRevocationScene();
const { provider, raw, channel, upgradeStatus } = scene;
let server: RunningServer, ivy: TestClient, fern: TestClient, gus: TestClient, vera: TestClient;
before(async () => {
  ({ server, ivy, fern, gus, vera } = await scene.start());
});

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
  await waitFor(
    () => text(fernPlan).includes('before') && fernReadsGus.learnedDoc().getText('text').toString().includes('dear'),
    'fern synced',
  );
  fernPlan.provider.awareness.setLocalStateField('user', { name: 'Fern' });
  await waitFor(() => ivyPlan.provider.awareness.getStates().has(fernPlan.doc.clientID), "ivy sees fern's presence");
  assert.equal((await fern.json('GET', `/api/boards/${board}/history?doc=${encodeURIComponent(plan)}`)).status, 200);

  const changed = await timed(() =>
    expectStatus(ivy, 'DELETE', `/api/boards/${board}/members/${fern.userId}`, undefined, 204),
  );
  const deadline = changed + 1000;
  await waitFor(
    () => fernPlan.terminal.length > 0 && fernOwnLetters.isClosed && fernReadsGus.isClosed,
    "all of fern's sockets closed",
    Math.max(1, deadline - Date.now()) + 200,
  );
  for (const socket of [fernOwnLetters, fernReadsGus]) {
    assert.equal(socket.closeInfo?.code, CloseCode.AccessRevoked, socket.label);
    assertClosedBy(deadline, socket.closeInfo?.at, socket.label);
  }
  assert.deepEqual(
    fernPlan.terminal.map((t) => t.code),
    [CloseCode.AccessRevoked],
  );
  assertClosedBy(deadline, fernPlan.closes[0]?.at, 'fern plan provider');
  assert.equal(fernPlan.provider.shouldConnect, false, 'the provider stops reconnecting');
  const closedAt = Math.max(
    fernOwnLetters.closeInfo?.at ?? 0,
    fernReadsGus.closeInfo?.at ?? 0,
    fernPlan.closes[0]?.at ?? 0,
  );

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
  assert.equal(
    (await fern.json('GET', `/api/boards/${board}/history?doc=${encodeURIComponent(plan)}`)).status,
    404,
    'nor history',
  );
  await waitFor(
    () => !ivyPlan.provider.awareness.getStates().has(fernPlan.doc.clientID),
    "fern's presence is gone for the others",
  );

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
  assert.deepEqual(
    afterLoss.map((e) => e.name),
    [],
    'nothing of the board after access-lost',
  );
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

  const changed = await timed(() =>
    expectStatus(ivy, 'PATCH', `/api/boards/${board}/members/${fern.userId}`, { role: 'viewer' }, 200),
  );
  const deadline = changed + 1000;
  await waitFor(
    () => fernPlan.closes.length > 0 && fernOwnLetters.isClosed,
    'write sockets closed',
    Math.max(1, deadline - Date.now()) + 200,
  );
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
  assert.equal(text(ivyPlan).includes('viewer edit'), false, "a reader's edit reaches nobody");
  const store = readStoreOf(server);
  try {
    assert.equal(await store.contains(bytesOf('viewer edit')), false, 'nor storage');
    assert.equal(await store.contains(bytesOf('ivy edit')), true);
  } finally {
    await store.close();
  }

  await waitFor(() => fernChannel.named('board:role-changed').length === 1, 'board:role-changed', 1000);
  assert.deepEqual(fernChannel.named('board:role-changed')[0]?.payload, { boardId: board, role: 'viewer' });
});

test("signing out closes that session's sockets (Yjs and socket.io) and no other", async () => {
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
    "the signed-out session's sockets closed",
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

  // lib/protocol/close-codes.ts: NotAuthenticated is "the session behind this socket is gone
  // (signed out, expired)", distinct from AccessRevoked so that a page can send the person to
  // sign in again rather than tell them they lost access to the board.
  assert.equal(phoneLetters.closeInfo?.code, CloseCode.NotAuthenticated, 'close code of a signed-out session');
  assert.deepEqual(
    phonePlan.terminal.map((t) => t.code),
    [CloseCode.NotAuthenticated],
  );
});
