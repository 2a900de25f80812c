/**
 * The board channel with two server processes on one PostgreSQL database and one Redis, as an
 * organisation past one machine runs it: a page sees who is on the board whichever process each
 * person's socket reached, a record change made through one process reaches every socket on the
 * board once, and guesses at a password count the same on both. The processes share the session
 * secret, as every process of one deployment must.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PresenceMessage } from '../../lib/protocol/board-events';
import { TestClient } from '../helpers/client';
import { addMember, anotherSession, type BoardChannelClient, createBoard, openChannel, person } from '../helpers/board';
import { type Deployment, startDeployment } from '../helpers/deployment';
import type { RunningServer } from '../helpers/server';
import { sleep, waitFor } from '../helpers/wait';

let deployment: Deployment;
let a: RunningServer;
let b: RunningServer;
const channels: BoardChannelClient[] = [];

before(async () => {
  deployment = await startDeployment({
    processes: 2,
    redis: true,
    // Each request's client is its X-Forwarded-For (the sign-in test uses addresses of its own).
    env: { TRUSTED_PROXIES: '127.0.0.1' },
  });
  [a, b] = deployment.servers as [RunningServer, RunningServer];
});
after(async () => {
  for (const channel of channels) channel.close();
  await deployment?.dispose();
});

async function channelOn(server: RunningServer, who: TestClient, boardId: string): Promise<BoardChannelClient> {
  const channel = await openChannel(server.url, who.cookieHeader());
  channels.push(channel);
  assert.equal((await channel.join(boardId)).ok, true, `${who.name} joins on ${server.url}`);
  return channel;
}

const latestPresence = (channel: BoardChannelClient) =>
  (channel.named('presence').at(-1)?.payload as PresenceMessage | undefined)?.people ?? [];
const namesSeen = (channel: BoardChannelClient) => latestPresence(channel).map((p) => p.name);

test('a page connected to one process sees who is on the board through the other', async () => {
  const ivy = await person(a.url, 'Ivy');
  const boardId = await createBoard(ivy, 'Across processes');
  const ben = await person(a.url, 'Ben');
  await addMember(ivy, boardId, ben, 'family');
  const benOnB = await anotherSession(b.url, ben);

  const ivyChannel = await channelOn(a, ivy, boardId);
  const benChannel = await channelOn(b, benOnB, boardId);
  await waitFor(() => namesSeen(ivyChannel).join() === 'Ben,Ivy', 'Ivy (on A) sees Ben (on B)', 10_000);
  await waitFor(() => namesSeen(benChannel).join() === 'Ben,Ivy', 'Ben (on B) sees Ivy (on A)', 10_000);
  assert.equal(latestPresence(ivyChannel).find((p) => p.name === 'Ben')?.role, 'family');

  benChannel.socket.emit('presence:update', { boardId, section: 'logistics' });
  await waitFor(
    () => latestPresence(ivyChannel).find((p) => p.name === 'Ben')?.section === 'logistics',
    'Ivy sees where Ben is',
    10_000,
  );

  benChannel.close();
  await waitFor(() => namesSeen(ivyChannel).join() === 'Ivy', 'Ben gone from Ivy’s list', 10_000);
});

test('a record change made through one process reaches each socket on the board once, on either process', async () => {
  const ivy = await person(a.url, 'Ivy');
  const boardId = await createBoard(ivy, 'Changes across processes');
  const ben = await person(a.url, 'Ben');
  await addMember(ivy, boardId, ben, 'family');
  const ivyOnB = await anotherSession(b.url, ivy);

  const ivyOnBChannel = await channelOn(b, ivyOnB, boardId);
  const benOnAChannel = await channelOn(a, ben, boardId);

  // Ben asks a question through A: the board hears of it, the interventionist gets a notice.
  const asked = await ben.json<{ question: { id: string } }>('POST', `/api/boards/${boardId}/attempts/1/questions`, {
    question: 'Who drives Sam home?',
  });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  const aboutIt = (channel: BoardChannelClient) =>
    channel.named('board:changed').filter((e) => JSON.stringify(e.payload).includes(asked.body.question.id));
  await waitFor(
    () => aboutIt(ivyOnBChannel).length > 0,
    'Ivy on B hears of the question (carried by the bus relay between processes)',
    10_000,
  );
  await waitFor(() => aboutIt(benOnAChannel).length > 0, 'Ben on A hears of it', 10_000);
  await waitFor(() => ivyOnBChannel.named('notify').length > 0, 'Ivy on B gets the notice', 10_000);
  // Anything sent twice (once per process) would have arrived by now.
  await sleep(1500);
  assert.equal(aboutIt(ivyOnBChannel).length, 1, 'once on B');
  assert.equal(aboutIt(benOnAChannel).length, 1, 'once on A');
  assert.equal(ivyOnBChannel.named('notify').length, 1, 'one notice');
  assert.equal(benOnAChannel.named('notify').length, 0, 'no notice to the one who asked');
});

test('guesses at a password spread over the two processes are counted together', async () => {
  const owner = await person(a.url, 'Owner');
  const outcomes: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    const server = i % 2 === 0 ? a : b;
    const guesser = new TestClient(server.url);
    const csrf = await guesser.json<{ csrfToken: string }>('GET', '/api/auth/csrf');
    const form = new URLSearchParams({
      csrfToken: csrf.body.csrfToken,
      email: owner.email,
      password: 'wrong password!',
      json: 'true',
    });
    const response = await guesser.request('POST', '/api/auth/callback/credentials', form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': '198.51.100.40',
    });
    const { url } = (await response.json()) as { url: string };
    outcomes.push(new URL(url).searchParams.get('error')?.startsWith('Too many attempts') ? 'slowed' : 'tried');
  }
  assert.deepEqual(outcomes, ['tried', 'tried', 'tried', 'tried', 'tried', 'slowed']);
});
