import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as Y from 'yjs';
import { UpdateStore } from '../update-log/update-store';
import { CloseCode } from '../../lib/protocol/close-codes';
import { MessageType, syncStep1, textUpdate } from '../../test/helpers/frames';
import { synced } from '../../test/helpers/providers';
import type { RawYjsSocket } from '../../test/helpers/sockets';
import { storedCount } from '../../test/helpers/stored-docs';
import { cleanUp, client, rawClient, startTestServer, type TestServer } from '../../test/helpers/sync-server';
import { waitFor } from '../../test/helpers/wait';

after(cleanUp);

const DOC = 'board/b1/attempt/1';

type SyncMessage = { kind: 'step1' | 'step2' | 'update'; payload: Uint8Array };
const SYNC_KINDS = ['step1', 'step2', 'update'] as const;

/** The sync frames a raw client received, in order, as parseFrame reads them. */
function syncMessages(raw: RawYjsSocket): SyncMessage[] {
  return raw.parsed().flatMap((frame) => {
    const kind = frame.type === MessageType.Sync ? SYNC_KINDS[frame.syncType ?? -1] : undefined;
    return kind ? [{ kind, payload: frame.payload }] : [];
  });
}

const EMPTY = [0, 0];

test('joining a room nobody has open: the stored state comes first, then an empty step 2, and the first request is answered with nothing', async () => {
  const server = await startTestServer({ limits: { checkpointEvery: 5 } });
  server.access.set('alice', DOC, 'write');
  server.access.set('bob', DOC, 'read');
  const writer = client(server, 'alice', DOC);
  await synced(writer);
  for (let i = 0; i < 12; i++) {
    writer.doc.getText('text').insert(writer.doc.getText('text').length, `${i};`);
    await waitFor(() => storedCount(server.sqlite, DOC) === i + 1, `edit ${i} stored`);
  }
  writer.provider.destroy();
  await waitFor(() => server.yjs.stats().rooms === 0, 'unloaded');
  // Leaving wrote a checkpoint at seq 12; two updates logged after it make the stored state a
  // checkpoint and a tail, as after a crash.
  const store = new UpdateStore(server.sqlite);
  writer.doc.on('update', (update: Uint8Array) => store.append(DOC, 'alice', update));
  writer.doc.getText('text').insert(0, 'a;');
  writer.doc.getText('text').insert(0, 'b;');
  assert.equal(storedCount(server.sqlite, DOC), 14);
  const expected = writer.doc.getText('text').toString();

  // A reader gets it too: reading is all the stored state needs.
  const cold = await rawClient(server, 'bob', DOC);
  await waitFor(() => syncMessages(cold).some((m) => m.kind === 'step1'), "server's sync step 1");
  const kinds = syncMessages(cold).map((m) => m.kind);
  // The checkpoint at seq 12, then the two updates after it; then the marker; then step 1.
  assert.deepEqual(kinds, ['update', 'update', 'update', 'step2', 'step1']);
  const received = new Y.Doc();
  for (const m of syncMessages(cold)) if (m.kind === 'update') Y.applyUpdate(received, m.payload);
  assert.equal(received.getText('text').toString(), expected);
  assert.deepEqual([...(syncMessages(cold)[3]?.payload ?? [])], EMPTY);

  // Its first request (sent, as providers do, before anything arrived) adds nothing...
  cold.send(syncStep1(new Uint8Array([0])));
  await waitFor(() => syncMessages(cold).filter((m) => m.kind === 'step2').length === 2, 'first answer');
  assert.deepEqual([...(syncMessages(cold)[5]?.payload ?? [])], EMPTY);
  // ...and a later one is answered in full, as always.
  cold.send(syncStep1(new Uint8Array([0])));
  await waitFor(() => syncMessages(cold).filter((m) => m.kind === 'step2').length === 3, 'second answer');
  const full = new Y.Doc();
  Y.applyUpdate(full, syncMessages(cold)[6]?.payload ?? new Uint8Array());
  assert.equal(full.getText('text').toString(), expected);

  // A join to the open room starts with the server's step 1, as before.
  const warm = await rawClient(server, 'bob', DOC);
  await waitFor(() => syncMessages(warm).length > 0, 'first message');
  assert.equal(syncMessages(warm)[0]?.kind, 'step1');

  // A provider joining a cold room ends up with the same content, and keeps editing.
  cold.close();
  warm.close();
  await waitFor(() => server.yjs.stats().rooms === 0, 'unloaded again');
  const back = client(server, 'alice', DOC);
  await synced(back);
  assert.equal(back.doc.getText('text').toString(), expected);
  back.doc.getText('text').insert(0, 'more;');
  await waitFor(() => storedCount(server.sqlite, DOC) === 15, 'edit after a cold join stored');
  back.provider.destroy();
  await server.stop();
});

test('a document with nothing stored: the empty step 2 alone, and the provider is synced at once', async () => {
  const server = await startTestServer();
  server.access.set('alice', DOC, 'write');
  const raw = await rawClient(server, 'alice', DOC);
  await waitFor(() => syncMessages(raw).some((m) => m.kind === 'step1'), "server's sync step 1");
  assert.deepEqual(
    syncMessages(raw).map((m) => m.kind),
    ['step2', 'step1'],
  );
  raw.close();
  await server.stop();
});

/** Runs `then` in the turn after bob's first access check: between the two steps of a cold join. */
function afterBobsAccessCheck(server: TestServer, then: () => void): void {
  server.accessHook.run = (userId) => {
    if (userId !== 'bob') return;
    server.accessHook.run = null;
    setImmediate(then);
  };
}

test('access revoked between sending the stored state and building the room: closed with AccessRevoked, no room built', async () => {
  const server = await startTestServer();
  server.access.set('bob', DOC, 'read');
  new UpdateStore(server.sqlite).append(DOC, 'alice', textUpdate('stored'));
  // After the stored state went out, before the room is built (the second step of the join).
  afterBobsAccessCheck(server, () => {
    server.access.set('bob', DOC, 'none');
    void server.yjs.revalidate({ userId: 'bob' });
  });
  const raw = await rawClient(server, 'bob', DOC);
  const closed = await raw.closed;
  assert.equal(closed.code, CloseCode.AccessRevoked);
  // What was already sent is what bob could read when he asked; nothing after it.
  assert.deepEqual(
    syncMessages(raw).map((m) => m.kind),
    ['update', 'step2'],
  );
  assert.equal(server.yjs.stats().rooms, 0);
  assert.equal(server.yjs.stats().connections, 0);
  await server.stop();
});

test('a revalidation between the two steps that changes nothing: the join completes and syncs', async () => {
  const server = await startTestServer();
  server.access.set('bob', DOC, 'write');
  new UpdateStore(server.sqlite).append(DOC, 'alice', textUpdate('stored'));
  afterBobsAccessCheck(server, () => void server.yjs.revalidate());
  const bob = client(server, 'bob', DOC);
  await synced(bob);
  assert.equal(bob.doc.getText('text').toString(), 'stored');
  // Asked twice: at the upgrade, and again at the second step because the epoch moved.
  assert.equal(server.accessCalls.get(DOC), 2);
  bob.doc.getText('text').insert(0, 'more ');
  await waitFor(() => storedCount(server.sqlite, DOC) === 2, 'edit after the join stored');
  assert.equal(server.yjs.stats().connections, 1);
  bob.provider.destroy();
  await server.stop();
});

test('a join while the room loads waits for that load, is sent no stored state, and syncs as with an open room', async () => {
  // A turn per stored update: the load spans thousands of turns.
  const server = await startTestServer({ limits: { loadTurnMs: 0 } });
  server.access.set('alice', DOC, 'read');
  server.access.set('bob', DOC, 'write');
  storeManyUpdates(server, 3000);
  let bobCameWhileLoading: boolean | null = null;
  const later: { bob: Promise<RawYjsSocket> | null } = { bob: null };
  server.accessHook.run = (userId) => {
    if (userId === 'bob') bobCameWhileLoading = !server.events.some((e) => e.event === 'yjs.room-loaded');
    if (userId !== 'alice' || later.bob) return;
    // Alice's upgrade is admitted in this turn and her room starts loading; bob comes meanwhile.
    setImmediate(() => {
      later.bob = rawClient(server, 'bob', DOC);
    });
  };
  const alice = await rawClient(server, 'alice', DOC);
  await waitFor(() => later.bob !== null, 'bob set off');
  const bobSocket = await later.bob;
  assert.ok(bobSocket);
  await Promise.all([alice.roundtrip(), bobSocket.roundtrip()]);
  assert.equal(bobCameWhileLoading, true, 'bob came while the room loaded');
  assert.equal(server.events.filter((e) => e.event === 'yjs.room-loaded').length, 1, 'one room built');
  // Alice was sent the stored state first; bob, who came during the load, starts with step 1.
  assert.equal(syncMessages(alice)[0]?.kind, 'update');
  assert.equal(syncMessages(bobSocket)[0]?.kind, 'step1');
  for (const socket of [alice, bobSocket])
    assert.equal(socket.learnedDoc().getText('text').toString(), 'x'.repeat(3000));
  alice.close();
  bobSocket.close();
  await server.stop();
});

/** A stored document of many small updates: with loadTurnMs 0 its room takes thousands of turns to load. */
function storeManyUpdates(server: TestServer, count: number): void {
  const store = new UpdateStore(server.sqlite);
  const source = new Y.Doc();
  source.on('update', (update: Uint8Array) => store.append(DOC, 'alice', update));
  server.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) source.getText('text').insert(i, 'x');
  })();
}

for (const { during, code } of [
  { during: 'the server shuts down', code: CloseCode.ServerShutdown },
  { during: 'the board is deleted', code: CloseCode.AccessRevoked },
]) {
  test(`when ${during} while a join loads the room: the socket is closed with ${code}, no room kept`, async () => {
    const server = await startTestServer({ limits: { loadTurnMs: 0 } });
    server.access.set('bob', DOC, 'read');
    storeManyUpdates(server, 3000);
    afterBobsAccessCheck(server, () => {
      if (code === CloseCode.ServerShutdown) void server.yjs.close();
      else void server.yjs.dropBoard('b1');
    });
    const raw = await rawClient(server, 'bob', DOC);
    assert.equal((await raw.closed).code, code);
    assert.equal(
      server.events.some((e) => e.event === 'yjs.room-loaded'),
      false,
      'the load was given up',
    );
    assert.deepEqual(server.yjs.stats(), { rooms: 0, idleRooms: 0, connections: 0 });
    await server.stop();
  });
}
