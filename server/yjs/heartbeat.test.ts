import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { awarenessMessage, awarenessPayload } from '../../test/helpers/frames';
import { cleanUp, rawClient, startTestServer } from '../../test/helpers/sync-server';
import { sleep } from '../../test/helpers/wait';

after(cleanUp);

const DOC = 'board/b1/plan';
const INTERVAL = 300;

test('a quiet socket that stops answering pings is cut off; one that answers stays', async () => {
  const server = await startTestServer({ limits: { pingIntervalMs: INTERVAL } });
  server.access.set('alice', DOC, 'write');
  server.access.set('rita', DOC, 'write');
  // Both send nothing; `ws` answers pings by itself unless told not to.
  const answering = await rawClient(server, 'alice', DOC);
  let pings = 0;
  answering.ws.on('ping', () => pings++);
  // A client whose network went away without a close: it never answers a ping.
  const silent = await rawClient(server, 'rita', DOC, { autoPong: false });
  const connectedAt = Date.now();
  await new Promise<void>((resolve) => silent.ws.once('close', () => resolve()));
  const elapsed = Date.now() - connectedAt;
  // Heard from at the upgrade (first visit), pinged at the next, found unanswered at the third.
  assert.ok(elapsed <= 3 * INTERVAL + 200, `cut off after ${elapsed} ms`);
  assert.ok(elapsed >= INTERVAL, `not before its ping could be answered (${elapsed} ms)`);
  await sleep(3 * INTERVAL);
  assert.equal(answering.isClosed, false, 'the socket that answers pings is still connected');
  assert.ok(pings >= 1, 'a quiet socket is pinged');
  assert.equal(server.yjs.stats().connections, 1);
});

test('a socket that keeps sending is not pinged, even if it would not answer', async () => {
  // A longer interval than above, ten sends to each: on a loaded machine this process (sender
  // and server alike) can stall for a few hundred milliseconds, and a stall as long as the
  // interval makes the socket truly quiet for it, which a ping is right to follow.
  const interval = 1000;
  const server = await startTestServer({ limits: { pingIntervalMs: interval } });
  server.access.set('alice', DOC, 'write');
  const busy = await rawClient(server, 'alice', DOC, { autoPong: false });
  let pings = 0;
  busy.ws.on('ping', () => pings++);
  // Like a page renewing its awareness, more often than the ping interval.
  let clock = 0;
  let last = Date.now();
  let longestGap = 0;
  const renew = () => {
    const now = Date.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    busy.send(awarenessMessage(awarenessPayload([{ clientId: 7, clock: ++clock, state: { name: 'Alice' } }])));
  };
  const timer = setInterval(renew, interval / 10);
  await sleep(4 * interval);
  clearInterval(timer);
  assert.equal(busy.isClosed, false, 'a socket that keeps sending stays connected');
  assert.equal(pings, 0, `pinged though it sent at least every ${longestGap} ms`);
  assert.equal(server.yjs.stats().connections, 1);
});
