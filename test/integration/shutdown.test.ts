/**
 * SIGTERM (a deploy, a container stop, Ctrl-C): the server closes every socket with 1012
 * (ServerShutdown), checkpoints, and exits 0 well within a second, whether or not anyone is
 * connected. Its ten-second forced exit (status 1) is a last resort, never the normal way out.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, test } from 'node:test';
import { CloseCode } from '../../lib/protocol/close-codes';
import { createBoard, openChannel, person, planDoc } from '../helpers/board';
import { openDoc } from '../helpers/providers';
import { RawYjsSocket } from '../helpers/sockets';
import { type RunningServer, startServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/** "Well under a second": a clean close takes tens of milliseconds; the forced exit takes ten seconds. */
const CLEAN_EXIT_MS = 1000;

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.dispose();
  server = null;
});

function syncPid(running: RunningServer): number {
  const match = /sync process ready \(pid (\d+)\)/.exec(running.output());
  assert.ok(match?.[1], 'the server logged its sync process');
  return Number(match[1]);
}

/** Alive and not a zombie. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

test('SIGTERM with nobody connected (everyone has left): exit 0 within a second', async () => {
  server = await startServer();
  const ivy = await person(server.url, 'Ivy');
  const board = await createBoard(ivy, 'Closing time');
  // Someone was here: a document socket was handed to the sync process, and a board channel opened.
  const plan = await openDoc(ivy, planDoc(board));
  const channel = await openChannel(server.url, ivy.cookieHeader());
  assert.equal((await channel.join(board)).ok, true);
  plan.destroy();
  channel.close();
  const sync = syncPid(server);

  const exit = await server.signal('SIGTERM');
  assert.equal(exit.code, 0, `exit status (${exit.ms} ms):\n${server.output()}`);
  assert.ok(exit.ms < CLEAN_EXIT_MS, `exited after ${exit.ms} ms`);
  await waitFor(() => !isRunning(sync), 'the sync process has exited too', 2000);
});

test('SIGTERM with a document socket and a board channel open: they get 1012, the server exits 0 within a second', async () => {
  server = await startServer();
  const ivy = await person(server.url, 'Ivy');
  const board = await createBoard(ivy, 'Closing time');
  const raw = await RawYjsSocket.connect(server.url, planDoc(board), ivy.cookieHeader(), 'raw');
  await raw.roundtrip();
  const plan = await openDoc(ivy, planDoc(board));
  const channel = await openChannel(server.url, ivy.cookieHeader());
  assert.equal((await channel.join(board)).ok, true);
  const sync = syncPid(server);

  const exit = await server.signal('SIGTERM');
  assert.equal(exit.code, 0, `exit status (${exit.ms} ms):\n${server.output()}`);
  assert.ok(exit.ms < CLEAN_EXIT_MS, `exited after ${exit.ms} ms`);
  assert.equal((await raw.closed).code, CloseCode.ServerShutdown);
  await waitFor(() => plan.closeCodes.includes(CloseCode.ServerShutdown), 'the provider was told the server restarts');
  await waitFor(() => channel.disconnects.length > 0, 'the board channel was cut');
  await waitFor(() => !isRunning(sync), 'the sync process has exited too', 2000);
  plan.destroy();
});

test('SIGTERM to the whole process group (Ctrl-C, npm stop) with clients connected: exit 0 within a second', async () => {
  server = await startServer();
  const ivy = await person(server.url, 'Ivy');
  const board = await createBoard(ivy, 'Closing time');
  const plan = await openDoc(ivy, planDoc(board));
  const channel = await openChannel(server.url, ivy.cookieHeader());
  assert.equal((await channel.join(board)).ok, true);

  const exit = await server.stop();
  assert.equal(exit.code, 0, `exit status (${exit.ms} ms):\n${server.output()}`);
  assert.ok(exit.ms < CLEAN_EXIT_MS, `exited after ${exit.ms} ms`);
  plan.destroy();
  channel.close();
});
