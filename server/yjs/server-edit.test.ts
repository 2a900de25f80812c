import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as Y from 'yjs';
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
