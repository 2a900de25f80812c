import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { CloseCode } from '../../lib/protocol/close-codes';
import { DEFAULT_LIMITS } from './limits';
import { awarenessMessage, awarenessPayload } from '../../test/helpers/frames';
import { synced } from '../../test/helpers/providers';
import { awarenessSeenBy } from '../../test/helpers/sockets';
import { cleanUp, client, rawClient, startTestServer } from '../../test/helpers/sync-server';
import { waitFor } from '../../test/helpers/wait';

after(cleanUp);

const DOC = 'board/b1/attempt/1';

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
  assert.deepEqual([...awarenessSeenBy(observer)], [[111, { name: 'r1' }]]);

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
      [111, { name: 'r1b' }],
      [555, { name: 'w' }],
    ],
  );

  // Closing the socket removes its state for everyone.
  reader.close();
  await reader.closed;
  await waitFor(() => !awarenessSeenBy(observer).has(111), 'state removed on close');
  assert.deepEqual([...awarenessSeenBy(observer)], [[555, { name: 'w' }]]);

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
  a.provider.awareness.setLocalStateField('user', { name: 'Alice', field: 'opening' });
  v.provider.awareness.setLocalStateField('user', { name: 'Victor' });
  const nameOf = (states: Map<number, Record<string, unknown>>, id: number): string | undefined =>
    (states.get(id)?.['user'] as { name?: string } | undefined)?.name;
  await waitFor(() => nameOf(v.provider.awareness.getStates(), a.doc.clientID) === 'Alice', 'v sees a');
  await waitFor(() => nameOf(a.provider.awareness.getStates(), v.doc.clientID) === 'Victor', 'a sees v');
  a.provider.destroy();
  await waitFor(() => !v.provider.awareness.getStates().has(a.doc.clientID), 'a gone');
  v.provider.destroy();
  await server.stop();
});
