/**
 * Redis restarting under two running server processes (it keeps nothing: it comes back empty):
 * while it is away, signing in and editing go on without errors (the rate limits fall back to
 * each process's memory, the documents never touch Redis); once it is back, the processes hear
 * each other again (who is on a board, across them).
 */
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { PresenceMessage } from '../../lib/protocol/board-events';
import {
  addMember,
  anotherSession,
  type BoardChannelClient,
  createBoard,
  openChannel,
  person,
  planDoc,
} from '../helpers/board';
import { TestClient } from '../helpers/client';
import { type Deployment, startDeployment } from '../helpers/deployment';
import { openProvider } from '../helpers/providers';
import type { RunningServer } from '../helpers/server';
import { storedTextOn } from '../helpers/store-reader';
import { sleep, waitFor } from '../helpers/wait';

let deployment: Deployment;
let a: RunningServer;
let b: RunningServer;
const channels: BoardChannelClient[] = [];

before(async () => {
  deployment = await startDeployment({ processes: 2, redis: true });
  [a, b] = deployment.servers as [RunningServer, RunningServer];
});
after(async () => {
  for (const channel of channels) channel.close();
  await deployment?.dispose();
});

/** Stops Redis, keeps it away `seconds`, starts it again empty on the same port, in the background. */
function restartRedis(seconds: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [path.resolve(__dirname, '../../scripts/test-services.sh'), 'restart-redis', String(seconds)],
      (error: Error | null) => (error ? reject(error) : resolve()),
    );
  });
}

const namesSeen = (channel: BoardChannelClient) =>
  ((channel.named('presence').at(-1)?.payload as PresenceMessage | undefined)?.people ?? []).map((p) => p.name);

test('signing in and editing go on while Redis restarts; afterwards the processes hear each other again', async () => {
  const ivy = await person(a.url, 'Ivy');
  const board = await createBoard(ivy, 'Through a Redis restart');
  const ben = await person(a.url, 'Ben');
  await addMember(ivy, board, ben, 'family');
  const writer = openProvider(a.url, ivy.cookieHeader(), planDoc(board), { label: 'writer' });
  try {
    await waitFor(() => writer.provider.synced, 'synced');
    const ivyChannel = await openChannel(a.url, ivy.cookieHeader());
    channels.push(ivyChannel);
    assert.equal((await ivyChannel.join(board)).ok, true);

    // Redis goes away for a second while Ivy types and someone signs in.
    const restarted = restartRedis(1);
    const text = writer.doc.getText('text');
    for (let i = 0; i < 10; i++) {
      text.insert(text.length, `word${i} `);
      await sleep(50);
    }
    const signingIn = new TestClient(b.url);
    await signingIn.register(`redis-away-${randomBytes(4).toString('hex')}@example.org`, 'Cal');
    await restarted;

    await waitFor(
      async () => (await storedTextOn(deployment.database.url, planDoc(board))) === text.toString(),
      'every word typed is stored',
      10_000,
      100,
    );
    // Back: Ben, connected through the other process, is seen from the first.
    const benOnB = await anotherSession(b.url, ben);
    const benChannel = await openChannel(b.url, benOnB.cookieHeader());
    channels.push(benChannel);
    assert.equal((await benChannel.join(board)).ok, true);
    await waitFor(() => namesSeen(ivyChannel).includes('Ben'), 'Ivy (on A) sees Ben (on B) again', 30_000, 100);
    assert.equal((await ivy.json('GET', '/api/boards')).status, 200);
  } finally {
    writer.destroy();
  }
});
