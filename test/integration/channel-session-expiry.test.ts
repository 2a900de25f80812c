/**
 * A board-channel (socket.io) connection does not outlive its session. A session that expires
 * (no record change announces it) is found at the heartbeat, as the sync server finds its
 * sockets': the connection is told `session:ended` and ended, and receives no more board events.
 * And an event sent after the session ran out is refused at once, heartbeat or not.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { TestClient } from '../helpers/client';
import { addMember, createBoard, openChannel, person } from '../helpers/board';
import { type RunningServer, startServer } from '../helpers/server';
import { readStoreOf } from '../helpers/store-reader';
import { sleep, waitFor } from '../helpers/wait';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.dispose();
  server = null;
});

/** Sets when every session of `who` ends, as time passing would (the test cannot wait a week). */
async function expireSessionsAt(running: RunningServer, who: TestClient, at: number): Promise<void> {
  const store = readStoreOf(running, { write: true });
  try {
    await store.kysely.updateTable('sessions').set({ expires_at: at }).where('user_id', '=', who.userId).execute();
  } finally {
    await store.close();
  }
}

test('an expired session is found at the heartbeat: session:ended, disconnected, no more board events', async () => {
  server = await startServer({ env: { REALTIME_LIMITS: JSON.stringify({ pingIntervalMs: 300 }) } });
  const ivy = await person(server.url, 'Ivy');
  const fern = await person(server.url, 'Fern');
  const board = await createBoard(ivy, 'Expiry');
  await addMember(ivy, board, fern, 'family');
  const fernChannel = await openChannel(server.url, fern.cookieHeader());
  const ivyChannel = await openChannel(server.url, ivy.cookieHeader());
  assert.equal((await fernChannel.join(board)).ok, true);
  assert.equal((await ivyChannel.join(board)).ok, true);

  await expireSessionsAt(server, fern, Date.now() - 1);
  await waitFor(() => fernChannel.disconnects.length > 0, "fern's connection is ended", 5000);
  assert.equal(fernChannel.named('session:ended').length, 1);
  assert.equal(fernChannel.disconnects[0]?.reason, 'io server disconnect', 'ended: the page does not reconnect');

  // A record change on the board reaches Ivy, and nothing of it reaches Fern's old connection.
  const seen = fernChannel.events.length;
  await person(server.url, 'Gus').then((gus) => addMember(ivy, board, gus, 'family'));
  await waitFor(() => ivyChannel.named('board:changed').length > 0, 'ivy hears of the new member');
  assert.equal(fernChannel.events.length, seen);
  assert.equal(ivyChannel.disconnects.length, 0, "ivy's live session is not touched");
  ivyChannel.close();
});

test('an event sent after the session ran out is refused at once, before any heartbeat', async () => {
  // No heartbeat during the test: only the check on each event can end the connection.
  server = await startServer({ env: { REALTIME_LIMITS: JSON.stringify({ pingIntervalMs: 600_000 }) } });
  const ivy = await person(server.url, 'Ivy');
  const fern = await person(server.url, 'Fern');
  const board = await createBoard(ivy, 'Expiry');
  await addMember(ivy, board, fern, 'family');
  const ivyChannel = await openChannel(server.url, ivy.cookieHeader());
  assert.equal((await ivyChannel.join(board)).ok, true);
  // Fern's session ends a moment after her page connected.
  const endsAt = Date.now() + 3000;
  await expireSessionsAt(server, fern, endsAt);
  const fernChannel = await openChannel(server.url, fern.cookieHeader());
  assert.equal((await fernChannel.join(board)).ok, true);
  await waitFor(
    () => ivyChannel.named('presence').some((e) => JSON.stringify(e.payload).includes(fern.userId)),
    'fern is here',
  );
  await sleep(Math.max(0, endsAt - Date.now()) + 100);

  const presenceBefore = ivyChannel.named('presence').length;
  fernChannel.socket.emit('presence:update', { boardId: board, section: 'logistics' });
  await waitFor(() => fernChannel.disconnects.length > 0, "fern's connection is ended", 5000);
  assert.equal(fernChannel.named('session:ended').length, 1);
  // The refused event changed nothing: the only presence Ivy receives is Fern leaving.
  await waitFor(() => ivyChannel.named('presence').length > presenceBefore, 'ivy hears fern leave');
  const last = ivyChannel.named('presence').at(-1)?.payload as { people: Array<{ userId: string; section: unknown }> };
  assert.equal(
    last.people.some((p) => p.userId === fern.userId),
    false,
  );
  assert.equal(
    ivyChannel.named('presence').some((e) => JSON.stringify(e.payload).includes('logistics')),
    false,
    'her section change was never broadcast',
  );
  ivyChannel.close();
});
