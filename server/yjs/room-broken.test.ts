import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { CloseCode } from '../../lib/protocol/close-codes';
import { queriesOn } from '../../test/helpers/stored-docs';
import { rebuildLatest } from '../update-log/rebuild';
import { roomBreakingUpdates } from '../../test/helpers/broken-update';
import { syncUpdate } from '../../test/helpers/frames';
import { synced } from '../../test/helpers/providers';
import { cleanUp, client, nameOf, rawClient, startTestServer } from '../../test/helpers/sync-server';
import { waitFor } from '../../test/helpers/wait';

after(cleanUp);

const DOC = 'board/b1/attempt/1';

// On SQLite the room is loaded again within the turn; on a store that reads over the network
// (PostgreSQL) the others wait, not reading, until it is.
for (const readsLater of [false, true]) {
  test(`an update that breaks the room cuts its sender only: the others stay, see none of it, and keep syncing${readsLater ? ' (a store that reads later)' : ''}`, async () => {
    const server = await startTestServer({ readsLater });
    server.access.set('alice', DOC, 'write');
    server.access.set('bob', DOC, 'write');
    server.access.set('mallory', DOC, 'write');
    const a = client(server, 'alice', DOC);
    const b = client(server, 'bob', DOC);
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('field', 'approach:-:goals');
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.['field'] !== undefined, 'b sees a');

    const { base, breaking } = roomBreakingUpdates();
    const mallory = await rawClient(server, 'mallory', DOC);
    mallory.send(syncUpdate(base));
    await waitFor(() => b.doc.getText('text').toString() === 'hello world', 'the base reached b');
    mallory.send(syncUpdate(breaking));
    assert.equal((await mallory.closed).code, CloseCode.MalformedMessage);
    assert.ok(server.events.some((e) => e.event === 'yjs.room-broken'));

    // The others were not closed, and were sent nothing of the half-applied update.
    a.doc.getText('text').insert(0, '> ');
    await waitFor(() => b.doc.getText('text').toString() === '> hello world', 'b still receives a');
    b.doc.getMap('plan').set('c', 3);
    await waitFor(() => a.doc.getMap('plan').get('c') === 3, 'a still receives b');
    assert.deepEqual(a.closeCodes, []);
    assert.deepEqual(b.closeCodes, []);
    assert.deepEqual(b.doc.getMap('plan').toJSON(), { a: 1, c: 3 });
    // Presence came along: b still sees a where she was, under her session's identity.
    const aState = b.provider.awareness.getStates().get(a.doc.clientID);
    assert.equal(aState?.['field'], 'approach:-:goals');
    assert.equal((aState?.['user'] as { name?: string } | undefined)?.name, nameOf('alice'));

    // The log replays to the live state, and a newcomer gets exactly that.
    const fresh = client(server, 'alice', DOC);
    await synced(fresh);
    const rebuilt = await rebuildLatest(queriesOn(server.sqlite), DOC);
    for (const doc of [rebuilt.doc, fresh.doc, a.doc]) {
      assert.equal(doc.getText('text').toString(), '> hello world');
      assert.deepEqual(doc.getMap('plan').toJSON(), { a: 1, c: 3 });
    }
    rebuilt.doc.destroy();
    for (const c of [a, b, fresh]) c.destroy();
    await server.stop();
  });
}

test('a broken room nobody else holds is not kept loaded: the next join loads the log', async () => {
  const server = await startTestServer({ limits: { idleRoomMs: 60_000 } });
  server.access.set('mallory', DOC, 'write');
  server.access.set('alice', DOC, 'write');
  const { base, breaking } = roomBreakingUpdates();
  const mallory = await rawClient(server, 'mallory', DOC);
  mallory.send(syncUpdate(base));
  await mallory.roundtrip();
  mallory.send(syncUpdate(breaking));
  assert.equal((await mallory.closed).code, CloseCode.MalformedMessage);
  await waitFor(() => server.yjs.stats().connections === 0, 'mallory gone');
  assert.equal(server.yjs.stats().idleRooms, 0, 'the half-applied document is not parked');
  const alice = client(server, 'alice', DOC);
  await synced(alice);
  assert.equal(alice.doc.getText('text').toString(), 'hello world');
  assert.deepEqual(alice.doc.getMap('plan').toJSON(), { a: 1 });
  alice.destroy();
  await server.stop();
});
