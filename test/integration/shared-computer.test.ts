import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CloseCode } from '../../lib/protocol/close-codes';
import { SESSION_COOKIE_NAMES } from '../../server/auth/token';
import { addMember, anotherSession, createBoard, openChannel, person, planDoc } from '../helpers/board';
import { TestClient } from '../helpers/client';
import { openProvider, synced } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { sleep, waitFor } from '../helpers/wait';

/**
 * A sign-in on a shared or family computer (docs/security.md): its cookie ends with the
 * browser, its session after a while without use (3 s here instead of 30 minutes), and hiding
 * the screen ends it at once. One's own device keeps its week-long session through all three.
 */

const IDLE_SECONDS = 3;
let server: RunningServer;
before(async () => {
  server = await startServer({
    // Heartbeats every second: the sweep that cuts an idle session's sockets runs at that pace.
    env: {
      SHARED_SESSION_IDLE_SECONDS: String(IDLE_SECONDS),
      REALTIME_LIMITS: JSON.stringify({ pingIntervalMs: 1000 }),
    },
  });
});
after(async () => {
  await server.dispose();
});

/** The Set-Cookie line of the session cookie a sign-in answers with. */
async function sessionCookieLine(email: string, shared: boolean): Promise<string> {
  const client = new TestClient(server.url);
  const csrf = await client.json<{ csrfToken: string }>('GET', '/api/auth/csrf');
  const form = new URLSearchParams({
    csrfToken: csrf.body.csrfToken,
    email,
    password: 'correct horse battery',
    json: 'true',
  });
  if (shared) form.set('shared', 'true');
  const answer = await client.request('POST', '/api/auth/callback/credentials', form.toString(), {
    'content-type': 'application/x-www-form-urlencoded',
  });
  await answer.body?.cancel();
  const line = answer.headers.getSetCookie().find((l) => SESSION_COOKIE_NAMES.some((name) => l.startsWith(`${name}=`)));
  assert.ok(line, 'a session cookie was set');
  // The session read a page makes next renews the cookie: it must keep the same lifetime.
  const renewed = await client.request('GET', '/api/auth/session');
  await renewed.body?.cancel();
  const renewal = renewed.headers.getSetCookie().find((l) => SESSION_COOKIE_NAMES.some((n) => l.startsWith(`${n}=`)));
  if (renewal) assert.equal(/expires=|max-age=/i.test(renewal), /expires=|max-age=/i.test(line), 'renewed alike');
  return line;
}

describe('a shared or family computer', () => {
  test("its session cookie ends when the browser closes; one's own device keeps a week", async () => {
    const jo = await person(server.url, 'Jo');
    const shared = await sessionCookieLine(jo.email, true);
    assert.doesNotMatch(shared, /expires=|max-age=/i);
    assert.match(shared, /HttpOnly/i);
    const own = await sessionCookieLine(jo.email, false);
    const expires = /expires=([^;]+)/i.exec(own)?.[1];
    assert.ok(expires && Date.parse(expires) > Date.now() + 6 * 24 * 60 * 60 * 1000, 'a week');
  });

  test('it ends after the idle limit, cutting its sockets; use keeps it alive; own devices do not idle out', async () => {
    const lead = await person(server.url, 'Lead');
    const boardId = await createBoard(lead);
    const jo = await person(server.url, 'Jo');
    await addMember(lead, boardId, jo, 'family');
    const family = await anotherSession(server.url, jo, { shared: true });
    // Used: the page reports input every second, past the idle limit.
    let lastUse = 0;
    for (let i = 0; i < IDLE_SECONDS + 2; i++) {
      await sleep(1000);
      lastUse = Date.now();
      assert.equal((await family.json('POST', '/api/account/activity')).status, 204);
    }
    assert.equal((await family.json('GET', '/api/boards')).status, 200, 'kept alive by use');
    const left = await family.json<{ shared: boolean; msLeft: number }>('GET', '/api/account/activity');
    assert.equal(left.body.shared, true);
    assert.ok(left.body.msLeft > 0 && left.body.msLeft <= IDLE_SECONDS * 1000);

    const plan = openProvider(server.url, family.cookieHeader(), planDoc(boardId), { label: 'family plan' });
    await synced(plan);
    const channel = await openChannel(server.url, family.cookieHeader());
    assert.equal((await channel.join(boardId)).ok, true);
    // Opening documents and the channel is not use: the clock runs from the last report.
    await waitFor(
      () => plan.terminal.length > 0 && channel.named('session:ended').length > 0,
      'the idle session is cut',
      (IDLE_SECONDS + 4) * 1000,
      50,
    );
    assert.ok(Date.now() >= lastUse + IDLE_SECONDS * 1000, 'not before the limit');
    assert.deepEqual(
      plan.terminal.map((t) => t.code),
      [CloseCode.NotAuthenticated],
    );
    assert.equal((await family.json('GET', '/api/boards')).status, 401);
    assert.equal((await family.json('POST', '/api/account/activity')).status, 401, 'use cannot revive it');
    assert.equal((await jo.json('GET', '/api/boards')).status, 200, 'her own device, idle as long, is still signed in');
    plan.destroy();
    channel.close();
  });

  test('hiding the screen ends a shared computer’s session at once, not one on one’s own device', async () => {
    const lead = await person(server.url, 'Lead');
    const boardId = await createBoard(lead);
    const jo = await person(server.url, 'Jo');
    await addMember(lead, boardId, jo, 'family');
    const family = await anotherSession(server.url, jo, { shared: true });
    const plan = openProvider(server.url, family.cookieHeader(), planDoc(boardId), { label: 'family plan' });
    await synced(plan);
    const hidden = await family.json<{ ended: boolean }>('POST', '/api/account/hide');
    assert.deepEqual([hidden.status, hidden.body], [200, { ended: true }]);
    await waitFor(() => plan.terminal.length > 0, 'the hidden session is cut', 2000);
    assert.equal((await family.json('GET', '/api/boards')).status, 401, 'coming back needs the password');
    plan.destroy();

    const own = await jo.json<{ ended: boolean }>('POST', '/api/account/hide');
    assert.deepEqual([own.status, own.body], [200, { ended: false }]);
    assert.equal((await jo.json('GET', '/api/boards')).status, 200);
  });
});
