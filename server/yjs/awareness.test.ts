import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { personHex } from '../../lib/person-colour';
import { CloseCode } from '../../lib/protocol/close-codes';
import { DEFAULT_LIMITS } from './limits';
import { awarenessMessage, awarenessPayload, MessageType } from '../../test/helpers/frames';
import { synced } from '../../test/helpers/providers';
import { awarenessSeenBy } from '../../test/helpers/sockets';
import { cleanUp, client, nameOf, rawClient, startTestServer } from '../../test/helpers/sync-server';
import { waitFor } from '../../test/helpers/wait';

after(cleanUp);

const DOC = 'board/b1/attempt/1';

/** The identity the server writes into every state a socket of `user` announces. */
const identity = (user: string) => ({ userId: user, name: nameOf(user), color: personHex(user) });

test('one awareness id per socket: the first announced; others dropped; removed on close', async () => {
  const server = await startTestServer();
  server.access.set('victor', DOC, 'read');
  server.access.set('alice', DOC, 'write');
  const observer = await rawClient(server, 'victor', DOC);
  const reader = await rawClient(server, 'victor', DOC);
  const writer = await rawClient(server, 'alice', DOC);
  const settle = async (): Promise<void> => {
    // Everything each socket sent is processed, then everything broadcast reached the observer.
    await reader.roundtrip();
    await writer.roundtrip();
    await observer.roundtrip();
  };

  // Readers may announce presence: the first id pins the socket.
  reader.send(awarenessMessage(awarenessPayload([{ clientId: 111, clock: 1, state: { name: 'r1' } }])));
  await settle();
  assert.deepEqual([...awarenessSeenBy(observer)], [[111, { name: 'r1', user: identity('victor') }]]);

  // Another id from the same socket, alone or mixed with its own, is dropped.
  reader.send(awarenessMessage(awarenessPayload([{ clientId: 222, clock: 1, state: { name: 'spoof' } }])));
  reader.send(
    awarenessMessage(
      awarenessPayload([
        { clientId: 111, clock: 2, state: { name: 'r1b' } },
        { clientId: 333, clock: 1, state: { name: 'spoof' } },
      ]),
    ),
  );
  // A second socket cannot take an id already pinned by another, then pins its own.
  writer.send(awarenessMessage(awarenessPayload([{ clientId: 111, clock: 9, state: { name: 'evil' } }])));
  writer.send(awarenessMessage(awarenessPayload([{ clientId: 555, clock: 1, state: { name: 'w' } }])));
  writer.send(awarenessMessage(awarenessPayload([{ clientId: 111, clock: 10, state: { name: 'evil' } }])));
  await settle();
  assert.deepEqual(
    [...awarenessSeenBy(observer)].sort(([x], [y]) => x - y),
    [
      [111, { name: 'r1b', user: identity('victor') }],
      [555, { name: 'w', user: identity('alice') }],
    ],
  );

  // Closing the socket removes its state for everyone.
  reader.close();
  await reader.closed;
  await waitFor(() => !awarenessSeenBy(observer).has(111), 'state removed on close');
  assert.deepEqual([...awarenessSeenBy(observer)], [[555, { name: 'w', user: identity('alice') }]]);

  // An oversized state is refused like any malformed message.
  const big = { blob: 'x'.repeat(DEFAULT_LIMITS.maxAwarenessStateBytes) };
  writer.send(awarenessMessage(awarenessPayload([{ clientId: 555, clock: 2, state: big }])));
  assert.equal((await writer.closed).code, CloseCode.MalformedMessage);
  await waitFor(() => awarenessSeenBy(observer).size === 0, 'writer state removed');
  observer.close();
  await server.stop();
});

test('providers see each other through the server, and a departure', async () => {
  const server = await startTestServer();
  server.access.set('alice', DOC, 'write');
  server.access.set('victor', DOC, 'read');
  const a = client(server, 'alice', DOC);
  const v = client(server, 'victor', DOC);
  await Promise.all([synced(a), synced(v)]);
  // As the pages set it (use-synced-doc.ts): the same identity the server writes.
  a.provider.awareness.setLocalStateField('user', identity('alice'));
  a.provider.awareness.setLocalStateField('field', 'opening');
  v.provider.awareness.setLocalStateField('user', identity('victor'));
  const seen = (states: Map<number, Record<string, unknown>>, id: number): string =>
    JSON.stringify([states.get(id)?.['user'], states.get(id)?.['field']]);
  const expected = (user: string, field?: string) => JSON.stringify([identity(user), field]);
  await waitFor(
    () => seen(v.provider.awareness.getStates(), a.doc.clientID) === expected('alice', 'opening'),
    'v sees a',
  );
  await waitFor(() => seen(a.provider.awareness.getStates(), v.doc.clientID) === expected('victor'), 'a sees v');
  a.provider.destroy();
  await waitFor(() => !v.provider.awareness.getStates().has(a.doc.clientID), 'a gone');
  v.provider.destroy();
  await server.stop();
});

test("presence identity is the session's: a socket announcing another member's id and name is shown as itself", async () => {
  const server = await startTestServer();
  server.access.set('victor', DOC, 'read');
  server.access.set('ivy', DOC, 'write');
  const observer = await rawClient(server, 'ivy', DOC);
  const viewer = await rawClient(server, 'victor', DOC);
  const forged = {
    user: { userId: 'ivy', name: 'Ivy (interventionist)', color: '#000000' },
    field: 'approach:-:goals',
  };
  viewer.send(awarenessMessage(awarenessPayload([{ clientId: 301, clock: 1, state: forged }])));
  await viewer.roundtrip();
  await observer.roundtrip();
  assert.deepEqual(awarenessSeenBy(observer).get(301), { user: identity('victor'), field: 'approach:-:goals' });

  // Extra fields in `user`, a `user` that is not an object, no `user` at all: always the session's.
  const variants: unknown[] = [
    { user: { ...identity('victor'), role: 'interventionist' } },
    { user: 'Ivy' },
    { field: null },
    {},
  ];
  let clock = 1;
  for (const state of variants) {
    viewer.send(awarenessMessage(awarenessPayload([{ clientId: 301, clock: ++clock, state }])));
    await viewer.roundtrip();
    await observer.roundtrip();
    const user = (awarenessSeenBy(observer).get(301) as { user?: unknown } | undefined)?.user;
    assert.deepEqual(user, identity('victor'), JSON.stringify(state));
  }
  // What the sender itself is sent back is the corrected state too (its own echo).
  assert.deepEqual((awarenessSeenBy(viewer).get(301) as { user?: unknown } | undefined)?.user, identity('victor'));
  // Someone joining later is sent the corrected state.
  const late = await rawClient(server, 'ivy', DOC);
  await late.roundtrip();
  assert.deepEqual((awarenessSeenBy(late).get(301) as { user?: unknown } | undefined)?.user, identity('victor'));

  // A state that is not an object is not presence: refused like any malformed message.
  viewer.send(awarenessMessage(awarenessPayload([{ clientId: 301, clock: clock + 1, state: ['Ivy'] }])));
  assert.equal((await viewer.closed).code, CloseCode.MalformedMessage);
  for (const socket of [observer, late]) socket.close();
  await server.stop();
});

test("an honest page's state (the session's identity) is relayed byte for byte", async () => {
  const server = await startTestServer();
  server.access.set('alice', DOC, 'write');
  const observer = await rawClient(server, 'alice', DOC);
  const writer = await rawClient(server, 'alice', DOC);
  const payload = awarenessPayload([{ clientId: 77, clock: 1, state: { user: identity('alice'), field: null } }]);
  writer.send(awarenessMessage(payload));
  await writer.roundtrip();
  await observer.roundtrip();
  const relayed = observer
    .parsed()
    .filter((frame) => frame.type === MessageType.Awareness)
    .map((frame) => Buffer.from(frame.payload).toString('hex'));
  assert.deepEqual(relayed, [Buffer.from(payload).toString('hex')]);
  for (const socket of [observer, writer]) socket.close();
  await server.stop();
});
