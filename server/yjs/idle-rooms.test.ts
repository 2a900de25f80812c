import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { synced } from '../../test/helpers/providers';
import { checkpointSeqs, storedCount } from '../../test/helpers/stored-docs';
import { cleanUp, client, startTestServer, type TestServer } from '../../test/helpers/sync-server';
import { waitFor } from '../../test/helpers/wait';

after(cleanUp);

const DOC = 'board/b1/attempt/1';

function count(server: TestServer, event: string, doc: string): number {
  return server.events.filter((e) => e.event === event && e.detail['doc'] === doc).length;
}

async function writeAndLeave(server: TestServer, doc: string, text: string): Promise<void> {
  const writer = client(server, 'alice', doc);
  await synced(writer);
  const before = storedCount(server.sqlite, doc);
  writer.doc.getText('text').insert(writer.doc.getText('text').length, text);
  await waitFor(() => storedCount(server.sqlite, doc) === before + 1, 'stored');
  writer.provider.destroy();
  await waitFor(() => server.yjs.stats().connections === 0, 'left');
}

test('a room nobody holds stays loaded for idleRoomMs: a rejoin reopens it without a reload, then it unloads', async () => {
  const server = await startTestServer({ limits: { idleRoomMs: 400 } });
  server.access.set('alice', DOC, 'write');
  await writeAndLeave(server, DOC, 'first');
  assert.deepEqual(server.yjs.stats(), { rooms: 0, idleRooms: 1, connections: 0 });
  // Parked only after a checkpoint: storage holds exactly what the parked room holds.
  assert.deepEqual(checkpointSeqs(server.sqlite, DOC), [1]);
  assert.equal(count(server, 'yjs.room-unloaded', DOC), 0);

  const back = client(server, 'alice', DOC);
  await synced(back);
  assert.equal(back.doc.getText('text').toString(), 'first');
  assert.equal(count(server, 'yjs.room-reopened', DOC), 1);
  assert.equal(count(server, 'yjs.room-loaded', DOC), 1, 'loaded once, on the first join');
  // The reopened room goes on logging with the next sequence number.
  back.doc.getText('text').insert(5, ' second');
  await waitFor(() => storedCount(server.sqlite, DOC) === 2, 'second edit stored');
  back.provider.destroy();

  await waitFor(() => server.yjs.stats().idleRooms === 1 && server.yjs.stats().rooms === 0, 'parked again');
  await waitFor(() => server.yjs.stats().idleRooms === 0, 'unloaded after the idle period', 2000);
  assert.equal(count(server, 'yjs.room-unloaded', DOC), 1);
  const later = client(server, 'alice', DOC);
  await synced(later);
  assert.equal(later.doc.getText('text').toString(), 'first second');
  assert.equal(count(server, 'yjs.room-loaded', DOC), 2, 'loaded again from storage');
  later.provider.destroy();
  await server.stop();
});

test('beyond idleRoomsMax the room idle longest is unloaded first', async () => {
  const server = await startTestServer({ limits: { idleRoomMs: 60_000, idleRoomsMax: 2 } });
  const docs = ['board/b1/attempt/1', 'board/b1/attempt/2', 'board/b1/attempt/3'];
  for (const doc of docs) server.access.set('alice', doc, 'write');
  for (const doc of docs) await writeAndLeave(server, doc, doc);
  assert.equal(server.yjs.stats().idleRooms, 2);
  assert.deepEqual(
    docs.map((doc) => count(server, 'yjs.room-unloaded', doc)),
    [1, 0, 0],
  );
  await server.stop();
  // Shutting down unloads the parked rooms too.
  assert.equal(server.yjs.stats().idleRooms, 0);
});

test('deleting a board discards its parked rooms and keeps other boards', async () => {
  const server = await startTestServer({ limits: { idleRoomMs: 60_000 } });
  const other = 'board/b2/attempt/1';
  for (const doc of [DOC, other]) server.access.set('alice', doc, 'write');
  await writeAndLeave(server, DOC, 'to be deleted');
  await writeAndLeave(server, other, 'kept');
  await server.yjs.dropBoard('b1');
  assert.equal(count(server, 'yjs.room-discarded', DOC), 1);
  assert.equal(count(server, 'yjs.room-discarded', other), 0);
  assert.equal(server.yjs.stats().idleRooms, 1);
  await server.stop();
});

test('with idleRoomMs 0 a room unloads as its last socket leaves', async () => {
  const server = await startTestServer({ limits: { idleRoomMs: 0 } });
  server.access.set('alice', DOC, 'write');
  await writeAndLeave(server, DOC, 'gone');
  assert.deepEqual(server.yjs.stats(), { rooms: 0, idleRooms: 0, connections: 0 });
  assert.equal(count(server, 'yjs.room-unloaded', DOC), 1);
  await server.stop();
});
