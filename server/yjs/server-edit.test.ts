import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as Y from 'yjs';
import { UpdateStore } from '../update-log/update-store';
import { synced } from '../../test/helpers/providers';
import { storedCount, withStoredDoc } from '../../test/helpers/stored-docs';
import { cleanUp, client, startTestServer } from '../../test/helpers/sync-server';
import { waitFor } from '../../test/helpers/wait';

after(cleanUp);

const DOC = 'board/b1/debrief/1';

/** An update that appends `text` to the document's `text`, made on a copy of its state as the server makes one. */
function appendUpdate(state: Uint8Array, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  doc.getText('text').insert(doc.getText('text').length, text);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

test('a server edit reaches everyone in the room and is logged as the named person’s', async () => {
  const server = await startTestServer();
  server.access.set('alice', DOC, 'write');
  server.access.set('bob', DOC, 'read');
  const alice = client(server, 'alice', DOC);
  const bob = client(server, 'bob', DOC);
  await Promise.all([synced(alice), synced(bob)]);
  alice.doc.getText('text').insert(0, 'We met at ten.');
  await waitFor(() => storedCount(server.sqlite, DOC) === 1, 'alice stored');
  await server.yjs.applyServerUpdate(DOC, 'lead', appendUpdate(Y.encodeStateAsUpdate(alice.doc), ' 10:01 We began.'));
  assert.equal(storedCount(server.sqlite, DOC), 2, 'stored before it resolved');
  const author = server.sqlite.prepare('SELECT user_id AS userId FROM doc_updates WHERE doc = ? AND seq = 2').get(DOC);
  assert.deepEqual(author, { userId: 'lead' });
  for (const who of [alice, bob]) {
    await waitFor(() => who.doc.getText('text').toString() === 'We met at ten. 10:01 We began.', `${who.label} has it`);
  }
  alice.destroy();
  bob.destroy();
  await server.stop();
});

test('a document nobody has open is loaded, written and left as stored; a bad name or update is refused', async () => {
  const server = await startTestServer();
  server.access.set('alice', DOC, 'write');
  await server.yjs.applyServerUpdate(DOC, 'lead', appendUpdate(new Uint8Array([0, 0]), '09:00 We began.'));
  assert.equal(
    withStoredDoc(server.sqlite, DOC, (doc) => doc.getText('text').toString()),
    '09:00 We began.',
  );
  assert.deepEqual(server.yjs.stats(), { rooms: 0, idleRooms: 0, connections: 0 });
  const later = client(server, 'alice', DOC);
  await synced(later);
  assert.equal(later.doc.getText('text').toString(), '09:00 We began.');
  later.destroy();
  await assert.rejects(server.yjs.applyServerUpdate('board/b1/\u0000', 'lead', new Uint8Array([0, 0])));
  await assert.rejects(server.yjs.applyServerUpdate(DOC, 'lead', new Uint8Array([9, 9, 9])));
  assert.equal(storedCount(server.sqlite, DOC), 1, 'nothing more stored');
  await server.stop();
});

test('a server edit that comes while a join loads the room awaits that load: one room, the edit in it and in the log', async () => {
  // Each stored update a turn of its own: the load spans sixty turns.
  const server = await startTestServer({ limits: { loadTurnMs: 0 } });
  server.access.set('alice', DOC, 'write');
  const store = new UpdateStore(server.sqlite);
  const source = new Y.Doc();
  source.on('update', (update: Uint8Array) => store.append(DOC, 'alice', update));
  for (let i = 0; i < 60; i++) source.getText('text').insert(i, 'x');
  const edit = appendUpdate(Y.encodeStateAsUpdate(source), ' 11:00 We ended.');
  let loadedBeforeEdit: boolean | null = null;
  const edited = new Promise<void>((resolve, reject) => {
    server.accessHook.run = (userId) => {
      if (userId !== 'alice') return;
      server.accessHook.run = null;
      // The turn after her upgrade was admitted: the stored state went out, the room is loading.
      setImmediate(() => {
        loadedBeforeEdit = server.events.some((e) => e.event === 'yjs.room-loaded');
        server.yjs.applyServerUpdate(DOC, 'lead', edit).then(resolve, reject);
      });
    };
  });
  const alice = client(server, 'alice', DOC);
  await edited;
  assert.equal(loadedBeforeEdit, false, 'the edit came during the load');
  assert.equal(storedCount(server.sqlite, DOC), 61);
  const expected = `${'x'.repeat(60)} 11:00 We ended.`;
  await waitFor(() => alice.doc.getText('text').toString() === expected, 'alice has the edit');
  assert.equal(server.events.filter((e) => e.event === 'yjs.room-loaded').length, 1, 'one room built');
  alice.destroy();
  await waitFor(() => server.yjs.stats().rooms === 0, 'unloaded');
  assert.equal(
    withStoredDoc(server.sqlite, DOC, (doc) => doc.getText('text').toString()),
    expected,
  );
  await server.stop();
});
