import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { rebuildAtSeq, rebuildLatest } from '../update-log/rebuild';
import { CloseCode } from '../../lib/protocol/close-codes';
import { permissionDeniedReason, syncStep2, syncUpdate, textUpdate } from '../../test/helpers/frames';
import { type ProviderClient, synced } from '../../test/helpers/providers';
import { checkpointSeqs, storedCount, queriesOn } from '../../test/helpers/stored-docs';
import { cleanUp, client, rawClient, startTestServer } from '../../test/helpers/sync-server';
import { tempDbFile } from '../../test/helpers/temp-db';
import { waitFor } from '../../test/helpers/wait';
import { UpdateStore } from '../update-log/update-store';

after(cleanUp);

const DOC = 'board/b1/attempt/1';

function destroyAll(...clients: ProviderClient[]): void {
  for (const c of clients) c.provider.destroy();
}

describe('sync and access at the upgrade', () => {
  test('writers sync through the server and every update is logged with its user', async () => {
    const server = await startTestServer();
    server.access.set('alice', DOC, 'write');
    server.access.set('bob', DOC, 'write');
    const a = client(server, 'alice', DOC);
    const b = client(server, 'bob', DOC);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getText('text').insert(0, 'hello');
    await waitFor(() => b.doc.getText('text').toString() === 'hello', 'b sees a');
    b.doc.getMap('plan').set('who', 'bob');
    await waitFor(() => a.doc.getMap('plan').get('who') === 'bob', 'a sees b');
    const rows = server.sqlite
      .prepare('SELECT seq, user_id AS userId FROM doc_updates WHERE doc = ? ORDER BY seq')
      .all(DOC) as Array<{ seq: number; userId: string }>;
    assert.deepEqual(rows, [
      { seq: 1, userId: 'alice' },
      { seq: 2, userId: 'bob' },
    ]);
    destroyAll(a, b);
    await server.stop();
  });

  test('no principal: 401 before the websocket opens; no access: 404; no room is loaded', async () => {
    const server = await startTestServer();
    server.access.set('alice', DOC, 'write');
    const seed = client(server, 'alice', DOC);
    await synced(seed);
    seed.doc.getText('text').insert(0, 'secret');
    await waitFor(() => storedCount(server.sqlite, DOC) === 1, 'stored');
    seed.provider.destroy();
    await waitFor(() => server.yjs.stats().rooms === 0, 'room unloaded');

    const attempt = (headers: Record<string, string>, path = DOC) =>
      new Promise<{ status: number; body: number; opened: boolean; messages: number }>((resolve) => {
        const ws = new WebSocket(`${server.url}/yjs/${path}`, { headers });
        let opened = false;
        let messages = 0;
        ws.on('open', () => (opened = true));
        ws.on('message', () => messages++);
        ws.on('error', () => {});
        ws.on('unexpected-response', (_req, res) => {
          let body = 0;
          res.on('data', (chunk: Buffer) => (body += chunk.length));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, opened, messages }));
        });
      });
    assert.deepEqual(await attempt({}), { status: 401, body: 0, opened: false, messages: 0 });
    assert.deepEqual(await attempt({ 'x-test-user': 'mallory' }), { status: 404, body: 0, opened: false, messages: 0 });
    // A name that does not decode, and an unknown document, look exactly the same.
    assert.equal((await attempt({ 'x-test-user': 'alice' }, 'board/%E0%A4%A')).status, 404);
    assert.equal((await attempt({ 'x-test-user': 'alice' }, 'board/b1/attempt/2')).status, 404);
    assert.equal(server.yjs.stats().rooms, 0);
    assert.equal(server.yjs.stats().connections, 0);
    await server.stop();
  });

  test('a reader receives the document, but its updates are neither applied, stored nor relayed', async () => {
    const server = await startTestServer();
    server.access.set('alice', DOC, 'write');
    server.access.set('victor', DOC, 'read');
    const a = client(server, 'alice', DOC);
    await synced(a);
    a.doc.getText('text').insert(0, 'plan');
    await waitFor(() => storedCount(server.sqlite, DOC) === 1, 'stored');

    // A reader through the real provider: its local edit goes out as an update and is dropped.
    const v = client(server, 'victor', DOC);
    await synced(v);
    assert.equal(v.doc.getText('text').toString(), 'plan');
    v.doc.getText('text').insert(0, 'HACKED ');
    // And a raw reader sending updates by hand, then a round trip proving they were processed.
    const raw = await rawClient(server, 'victor', DOC);
    raw.send(syncUpdate(textUpdate('raw update ')));
    raw.send(new Uint8Array([0, 1, ...encodeVarBytes(textUpdate('raw step 2 '))]));
    await raw.roundtrip();
    assert.equal(raw.isClosed, false, 'dropping is silent: readers send sync step 2 by protocol');

    // A later writer edit reaches the reader, so the room is alive and the reader still synced.
    a.doc.getText('text').insert(4, '!');
    await waitFor(() => v.doc.getText('text').toString().endsWith('plan!'), 'reader sees writer');
    assert.equal(a.doc.getText('text').toString(), 'plan!');
    assert.equal(storedCount(server.sqlite, DOC), 2);
    const fresh = client(server, 'alice', 'board/b1/attempt/1');
    await synced(fresh);
    assert.equal(fresh.doc.getText('text').toString(), 'plan!');
    raw.close();
    destroyAll(a, v, fresh);
    await server.stop();
  });

  test('a reader whose edit is dropped is told once that the connection is read-only; a synced one is not', async () => {
    const server = await startTestServer();
    server.access.set('alice', DOC, 'write');
    server.access.set('victor', DOC, 'read');
    const a = client(server, 'alice', DOC);
    await synced(a);
    a.doc.getText('text').insert(0, 'plan');
    await waitFor(() => storedCount(server.sqlite, DOC) === 1, 'stored');
    const notices = (raw: { frames: Array<{ bytes: Uint8Array }> }) =>
      raw.frames.map((frame) => permissionDeniedReason(frame.bytes)).filter((reason) => reason !== null);

    // What a reader's provider sends on connect when it has nothing new: no notice.
    const quiet = await rawClient(server, 'victor', DOC);
    quiet.send(syncStep2(Y.encodeStateAsUpdate(a.doc)));
    await quiet.roundtrip();
    assert.deepEqual(notices(quiet), []);

    const raw = await rawClient(server, 'victor', DOC);
    raw.send(syncStep2(textUpdate('offline edit ')));
    raw.send(syncUpdate(textUpdate('typed edit ')));
    await raw.roundtrip();
    assert.deepEqual(notices(raw), ['read-only'], 'told once, before the round trip answers');
    assert.equal(raw.isClosed, false, 'the reader stays connected and keeps receiving');
    assert.equal(storedCount(server.sqlite, DOC), 1, 'nothing of it stored');
    quiet.close();
    raw.close();
    destroyAll(a);
    await server.stop();
  });
});

describe('persistence', () => {
  test('edits survive closing the server and opening a new one on the same file', async () => {
    const dbFile = tempDbFile();
    const first = await startTestServer({ dbFile });
    first.access.set('alice', DOC, 'write');
    const a = client(first, 'alice', DOC);
    await synced(a);
    a.doc.getText('text').insert(0, 'survives');
    a.doc.getArray('order').push(['ann', 'ben']);
    await waitFor(() => storedCount(first.sqlite, DOC) === 2, 'stored');
    a.provider.destroy();
    await first.stop();

    const second = await startTestServer({ dbFile });
    second.access.set('bob', DOC, 'read');
    assert.deepEqual(checkpointSeqs(second.sqlite, DOC), [2], 'unloading wrote a checkpoint');
    const b = client(second, 'bob', DOC);
    await synced(b);
    assert.equal(b.doc.getText('text').toString(), 'survives');
    assert.deepEqual(b.doc.getArray('order').toJSON(), ['ann', 'ben']);
    b.provider.destroy();
    await second.stop();
  });

  test('checkpoints every N updates; checkpoint + replay equals the live state at every seq', async () => {
    const server = await startTestServer({ limits: { checkpointEvery: 10 } });
    server.access.set('alice', DOC, 'write');
    const a = client(server, 'alice', DOC);
    await synced(a);
    const text = a.doc.getText('text');
    const states: string[] = [''];
    for (let i = 1; i <= 35; i++) {
      // Inserts and deletes, so that gc'd deletions are part of what checkpoints must keep right.
      if (i % 4 === 0) text.delete(0, 2);
      else text.insert(text.length, `${i},`);
      states.push(text.toString());
      await waitFor(() => storedCount(server.sqlite, DOC) === i, `update ${i} stored`);
    }
    assert.deepEqual(checkpointSeqs(server.sqlite, DOC), [10, 20, 30]);
    for (let seq = 0; seq <= 35; seq++) {
      const rebuilt = await rebuildAtSeq(queriesOn(server.sqlite), DOC, seq);
      assert.equal(rebuilt.doc.getText('text').toString(), states[seq], `state at seq ${seq}`);
      rebuilt.doc.destroy();
    }
    const latest = await rebuildLatest(queriesOn(server.sqlite), DOC);
    assert.equal(latest.checkpointSeq, 30);
    assert.equal(latest.replayed, 5);
    assert.deepEqual(Y.encodeStateVector(latest.doc), Y.encodeStateVector(a.doc));
    assert.equal(latest.doc.getText('text').toString(), text.toString());
    latest.doc.destroy();
    a.provider.destroy();
    await waitFor(() => server.yjs.stats().rooms === 0, 'unloaded');
    assert.deepEqual(checkpointSeqs(server.sqlite, DOC), [10, 20, 30, 35]);
    await server.stop();
  });

  test('concurrent joins share one load; the room unloads when the last client leaves', async () => {
    const server = await startTestServer();
    const store = new UpdateStore(server.sqlite);
    store.append(DOC, 'seed', textUpdate('preloaded'));
    const users = ['u1', 'u2', 'u3', 'u4', 'u5'];
    for (const user of users) server.access.set(user, DOC, user === 'u5' ? 'read' : 'write');
    const clients = users.map((user) => client(server, user, DOC));
    await Promise.all(clients.map((c) => synced(c)));
    for (const c of clients) assert.equal(c.doc.getText('text').toString(), 'preloaded');
    assert.deepEqual(server.yjs.stats(), { rooms: 1, idleRooms: 0, connections: 5 });
    assert.equal(server.events.filter((e) => e.event === 'yjs.room-loaded').length, 1);
    destroyAll(...clients);
    await waitFor(() => server.yjs.stats().rooms === 0, 'unloaded');
    assert.equal(server.yjs.stats().connections, 0);
    await server.stop();
  });

  test('close() shuts sockets with ServerShutdown, which clients treat as transient', async () => {
    const server = await startTestServer();
    server.access.set('alice', DOC, 'write');
    const a = client(server, 'alice', DOC);
    await synced(a);
    a.doc.getText('text').insert(0, 'x');
    await waitFor(() => storedCount(server.sqlite, DOC) === 1, 'stored');
    await server.yjs.close();
    await waitFor(() => a.closeCodes.includes(CloseCode.ServerShutdown), 'shutdown code');
    assert.equal(a.terminal.length, 0);
    assert.equal(a.provider.shouldConnect, true, 'keeps reconnecting');
    assert.deepEqual(checkpointSeqs(server.sqlite, DOC), [1]);
    a.provider.destroy();
    await server.stop();
  });
});

function encodeVarBytes(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let n = bytes.length;
  while (n > 127) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return [...out, ...bytes];
}
