import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import WebSocket from 'ws';
import { CloseCode, isTerminalCloseCode } from '../../lib/protocol/close-codes';
import { synced } from '../../test/helpers/providers';
import { storedCount } from '../../test/helpers/stored-docs';
import { cleanUp, client, startTestServer } from '../../test/helpers/sync-server';
import { sleep, waitFor } from '../../test/helpers/wait';

after(cleanUp);

const DOC = 'board/b1/attempt/1';
const OTHER_BOARD_DOC = 'board/b2/notes';

test('revalidate: write->read reconnects read-only, write->none stops the client, within a second', async () => {
  const server = await startTestServer();
  for (const user of ['alice', 'rita', 'xavier']) server.access.set(user, DOC, 'write');
  server.access.set('yan', OTHER_BOARD_DOC, 'write');
  const a = client(server, 'alice', DOC);
  const r = client(server, 'rita', DOC);
  const x = client(server, 'xavier', DOC);
  const y = client(server, 'yan', OTHER_BOARD_DOC);
  await Promise.all([a, r, x, y].map((c) => synced(c)));
  const otherBoardChecks = server.accessCalls.get(OTHER_BOARD_DOC);

  server.access.set('rita', DOC, 'read');
  server.access.set('xavier', DOC, 'none');
  const started = Date.now();
  await server.yjs.revalidate({ boardId: 'b1' });
  await waitFor(() => r.closeCodes.includes(CloseCode.AccessReduced) && x.terminal.length === 1, 'closes');
  assert.ok(Date.now() - started < 1000, `closed after ${Date.now() - started} ms`);
  assert.equal(server.accessCalls.get(OTHER_BOARD_DOC), otherBoardChecks, 'other boards are not rechecked');
  assert.deepEqual(a.closeCodes, [], 'unchanged access stays connected');
  assert.deepEqual(y.closeCodes, []);

  // Revoked: the provider stops for good, no reconnect attempts reach the server.
  assert.deepEqual(x.terminal, [{ code: CloseCode.AccessRevoked, reason: 'AccessRevoked' }]);
  assert.equal(x.provider.shouldConnect, false);

  // Reduced: the provider reconnects and now gets a read-only connection.
  await waitFor(() => r.provider.synced && server.authCalls.get('rita') === 2, 'rita reconnected');
  const before = storedCount(server.sqlite, DOC);
  r.doc.getText('text').insert(0, 'not allowed');
  await waitFor(() => server.events.some((e) => e.event === 'yjs.reader-update-dropped'), 'dropped');
  a.doc.getArray('log').push(['from alice']);
  await waitFor(() => r.doc.getArray('log').length === 1, 'reader still receives');
  assert.equal(storedCount(server.sqlite, DOC), before + 1);
  assert.equal(a.doc.getText('text').toString(), '', 'the reader edit never arrived');

  await sleep(400);
  assert.equal(server.authCalls.get('xavier'), 1, 'xavier never tried again');
  for (const c of [a, r, x, y]) c.provider.destroy();
  await server.stop();
});

test('revalidate: read->write reconnects, and edits made while read-only then sync', async () => {
  const server = await startTestServer();
  server.access.set('alice', DOC, 'write');
  server.access.set('rita', DOC, 'read');
  const a = client(server, 'alice', DOC);
  const r = client(server, 'rita', DOC);
  await Promise.all([synced(a), synced(r)]);
  r.doc.getText('text').insert(0, 'drafted while read-only');
  await waitFor(() => server.events.some((e) => e.event === 'yjs.reader-update-dropped'), 'dropped');
  assert.equal(a.doc.getText('text').toString(), '');

  server.access.set('rita', DOC, 'write');
  await server.yjs.revalidate({ userId: 'rita' });
  await waitFor(() => r.closeCodes.includes(CloseCode.AccessIncreased), 'reconnect code');
  await waitFor(() => a.doc.getText('text').toString() === 'drafted while read-only', 'synced after upgrade');
  assert.equal(storedCount(server.sqlite, DOC), 1);
  for (const c of [a, r]) c.provider.destroy();
  await server.stop();
});

test('revalidate by session: a revoked session is cut, the same user elsewhere stays', async () => {
  const server = await startTestServer();
  server.access.set('alice', DOC, 'write');
  const laptop = client(server, 'alice', DOC, { session: 's-laptop' });
  const phone = client(server, 'alice', DOC, { session: 's-phone' });
  await Promise.all([synced(laptop), synced(phone)]);
  server.revokedSessions.add('s-laptop');
  await server.yjs.revalidate({ sessionId: 's-laptop' });
  await waitFor(() => laptop.terminal.length === 1, 'laptop cut');
  assert.equal(laptop.terminal[0]?.code, CloseCode.AccessRevoked);
  assert.deepEqual(phone.closeCodes, []);
  assert.deepEqual(server.yjs.stats(), { rooms: 1, idleRooms: 0, connections: 1 });
  for (const c of [laptop, phone]) c.provider.destroy();
  await server.stop();
});

test('an upgrade in flight during a revocation re-checks its access and is refused', async () => {
  const server = await startTestServer();
  server.access.set('zoe', DOC, 'write');
  server.accessDelay.set('zoe', 120);
  const status = new Promise<number>((resolve) => {
    const ws = new WebSocket(`${server.url}/yjs/${DOC}`, { headers: { 'x-test-user': 'zoe' } });
    ws.on('open', () => resolve(101));
    ws.on('error', () => {});
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
  });
  await sleep(40);
  // The first docAccess answer ('write') is still on its way when access is removed.
  server.access.set('zoe', DOC, 'none');
  await server.yjs.revalidate({ boardId: 'b1' });
  assert.equal(await status, 404);
  assert.equal(server.accessCalls.get(DOC), 2);
  assert.equal(server.yjs.stats().rooms, 0);
  await server.stop();
});

test('a failing permission check closes transiently (fail closed, client retries)', async () => {
  const server = await startTestServer();
  server.access.set('alice', DOC, 'write');
  const a = client(server, 'alice', DOC);
  await synced(a);
  server.failingUsers.add('alice');
  await server.yjs.revalidate();
  await waitFor(() => a.closeCodes.includes(CloseCode.InternalError), 'closed');
  assert.equal(a.terminal.length, 0);
  server.failingUsers.delete('alice');
  await waitFor(() => a.provider.synced, 'reconnected once the check works again');
  a.provider.destroy();
  await server.stop();
});

test('terminal close codes', () => {
  for (const code of [
    CloseCode.AccessRevoked,
    CloseCode.NotAuthenticated,
    CloseCode.MalformedMessage,
    CloseCode.MessageTooBig,
  ]) {
    assert.equal(isTerminalCloseCode(code), true, String(code));
  }
  for (const code of [
    CloseCode.AccessReduced,
    CloseCode.AccessIncreased,
    CloseCode.RateLimited,
    CloseCode.ServerShutdown,
    CloseCode.InternalError,
    CloseCode.TryAgainLater,
    1000,
    1006,
  ]) {
    assert.equal(isTerminalCloseCode(code), false, String(code));
  }
});

test('a session that expires is closed at the next heartbeat with NotAuthenticated; others stay', async () => {
  const server = await startTestServer({ limits: { pingIntervalMs: 150 } });
  server.access.set('alice', DOC, 'write');
  server.access.set('rita', DOC, 'write');
  const a = client(server, 'alice', DOC);
  const r = client(server, 'rita', DOC);
  await Promise.all([a, r].map((c) => synced(c)));
  server.expiredSessions.add('session-alice');
  await waitFor(() => a.terminal.length === 1, 'expired session closed', 2000);
  assert.deepEqual(
    a.terminal.map((t) => t.code),
    [CloseCode.NotAuthenticated],
  );
  await sleep(400);
  assert.deepEqual(r.closeCodes, [], 'a live session stays connected');
  for (const c of [a, r]) c.provider.destroy();
  await server.stop();
});
