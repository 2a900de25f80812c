/**
 * The Yjs sync server runs in a process of its own, forked by the web process (server/sync/).
 * If it dies, the web process keeps serving pages, starts a new one, and the providers
 * reconnect by themselves with nothing acknowledged lost. If the web process dies, the sync
 * process does not linger holding the database.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { addMember, createBoard, person, planDoc } from '../helpers/board';
import { type RunningServer, startServer } from '../helpers/server';
import { openProvider, synced } from '../helpers/providers';
import { RawYjsSocket } from '../helpers/sockets';
import { sleep, waitFor } from '../helpers/wait';

let server: RunningServer;
before(async () => {
  // 200 sockets of one session stay open at once below: far past a person's cap (64).
  server = await startServer({
    env: { REALTIME_LIMITS: JSON.stringify({ maxSocketsPerSession: 1000, maxSocketsPerUser: 1000 }) },
  });
});
after(async () => {
  await server?.dispose();
});

const READY = /sync process ready \(pid (\d+)\)/g;

function syncPids(): number[] {
  return [...server.output().matchAll(READY)].map((m) => Number(m[1]));
}

/** Alive and not a zombie (an orphan's exit may wait a while for whoever adopts it to reap it). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

test('a socket handed to the sync process loses none of its first frames: 200 joins each answer their sync request', async () => {
  const ivy = await person(server.url, 'Ivy');
  const board = await createBoard(ivy, 'Many joins');
  const editor = openProvider(server.url, ivy.cookieHeader(), planDoc(board), { label: 'Ivy' });
  await synced(editor);
  // One after another, each kept open, as on a busy board: the sync request goes out the moment
  // the 101 arrives, while the web process may still hold a copy of the socket.
  const joined: RawYjsSocket[] = [];
  try {
    for (let i = 0; i < 200; i++) {
      const socket = await RawYjsSocket.connect(server.url, planDoc(board), ivy.cookieHeader(), `join ${i}`);
      joined.push(socket);
      await socket.roundtrip(3000);
    }
  } finally {
    for (const socket of joined) socket.close();
    editor.destroy();
  }
  assert.equal(joined.length, 200);
});

test('a sync process that dies is replaced: pages stay up, providers reconnect, no acknowledged edit is lost', async () => {
  const ivy = await person(server.url, 'Ivy');
  const fern = await person(server.url, 'Fern');
  const board = await createBoard(ivy, 'Two processes');
  await addMember(ivy, board, fern, 'family');
  const writer = openProvider(server.url, ivy.cookieHeader(), planDoc(board), { label: 'Ivy' });
  const reader = openProvider(server.url, fern.cookieHeader(), planDoc(board), { label: 'Fern' });
  await Promise.all([synced(writer), synced(reader)]);

  writer.doc.getText('text').insert(0, 'before the crash;');
  // Acknowledged: another client holds it, so the server logged it before relaying it.
  await waitFor(() => reader.doc.getText('text').toString().includes('before the crash;'), 'Fern has the first edit');

  const [first] = syncPids();
  assert.ok(first !== undefined && isRunning(first), 'the server reports a running sync process');
  assert.notEqual(first, server.pid(), 'documents are synced outside the web process');
  process.kill(first, 'SIGKILL');

  // The web process is unaffected: a page is served while the sync process is down.
  const page = await fetch(`${server.url}/signin`);
  assert.equal(page.status, 200);

  await waitFor(() => syncPids().length === 2, 'a new sync process started', 15_000);
  const second = syncPids()[1];
  assert.ok(second !== undefined && second !== first && isRunning(second));
  await waitFor(() => writer.closes.length > 0 && reader.closes.length > 0, 'both providers saw their socket close');
  await Promise.all([synced(writer, 15_000), synced(reader, 15_000)]);

  writer.doc.getText('text').insert(writer.doc.getText('text').length, 'after the restart;');
  await waitFor(
    () => reader.doc.getText('text').toString() === 'before the crash;after the restart;',
    'Fern has both edits',
    10_000,
  );

  // A newcomer loads both from storage, the first one from before the crash too.
  const late = openProvider(server.url, fern.cookieHeader(), planDoc(board), { label: 'Fern, second tab' });
  await synced(late, 10_000);
  assert.equal(late.doc.getText('text').toString(), 'before the crash;after the restart;');
  for (const client of [writer, reader, late]) client.destroy();
});

test('when the web process is killed, its sync process exits too', async () => {
  const sync = syncPids().at(-1);
  const web = server.pid();
  assert.ok(sync !== undefined && isRunning(sync) && web !== null);
  // Only the web process: the sync process must notice on its own that its parent is gone.
  process.kill(web, 'SIGKILL');
  const deadline = Date.now() + 15_000;
  while (isRunning(sync) && Date.now() < deadline) await sleep(100);
  assert.equal(isRunning(sync), false, 'the sync process exited after losing its web process');
});
