import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient, uniqueEmail } from '../helpers/client';
import { type RunningServer, startServer } from '../helpers/server';

let server: RunningServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.dispose();
});

describe('accounts', () => {
  test('register, sign in, sign out; the old session cookie stops working', async () => {
    const alice = new TestClient(server.url);
    await alice.register(uniqueEmail('alice'), 'Alice');
    const boards = await alice.json('GET', '/api/boards');
    assert.equal(boards.status, 200);
    const stolen = alice.cookieHeader();
    await alice.signOut();
    const after = await fetch(`${server.url}/api/boards`, { headers: { cookie: stolen } });
    assert.equal(after.status, 401, 'a signed-out session token must be refused even if replayed');
  });

  test('registration validates input, and answers alike whether or not the address has an account', async () => {
    const client = new TestClient(server.url);
    const bad = await client.json<{ error: { fields: Record<string, string[]> } }>('POST', '/api/register', {
      email: 'nope',
      name: '',
      password: 'short',
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['email', 'name', 'password']);
    const email = uniqueEmail('dup');
    const first = await client.json('POST', '/api/register', { email, name: 'A', password: 'long enough pass' });
    // The loved one types a relative's address: the answer is the one a new address gets.
    const again = await client.json('POST', '/api/register', { email, name: 'B', password: 'a different pass' });
    assert.deepEqual([first.status, first.body], [201, { ok: true }]);
    assert.deepEqual([again.status, again.body], [201, { ok: true }]);
    // The account is as it was: its own password opens it, the second one does not.
    assert.equal(await new TestClient(server.url).signIn(email, 'a different pass'), false);
    const owner = new TestClient(server.url);
    assert.equal(await owner.signIn(email, 'long enough pass'), true);
    assert.equal(owner.name, 'A');
    const malformed = await client.request('POST', '/api/register', '{not json', {});
    assert.equal(malformed.status, 400);
  });

  test('wrong password gives no session; repeated failures make the next attempt wait', async () => {
    const email = uniqueEmail('locked');
    const owner = new TestClient(server.url);
    await owner.register(email, 'Owner');
    const attacker = new TestClient(server.url);
    for (let i = 0; i < 5; i += 1) assert.equal(await attacker.signIn(email, 'wrong password!'), false);
    // From the same address, even the right password waits a few seconds (its password is not
    // checked meanwhile); test/integration/sign-in-limits.test.ts has the rest of the rules.
    assert.equal(await new TestClient(server.url).signIn(email), false);
  });

  test('forged and expired tokens are refused', async () => {
    const forged = new TestClient(server.url);
    forged.setCookie('next-auth.session-token', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.token.value');
    assert.equal((await forged.json('GET', '/api/boards')).status, 401);
    const none = new TestClient(server.url);
    assert.equal((await none.json('GET', '/api/boards')).status, 401);
  });

  test('pages carry security headers and a neutral title', async () => {
    const response = await fetch(`${server.url}/signin`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /connect-src 'self'/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const html = await response.text();
    assert.match(html, /<title>Harbor<\/title>/);
  });

  test('what anyone who opens the address reads names no intervention, addiction or treatment', async () => {
    // The loved one may open the app's address on a shared computer, or follow a forwarded link.
    const telling = /interven|addict|substance|rehab|treatment|sobri|sober|alcohol|drug|recover|loved one|relapse/i;
    for (const path of ['/', '/signin', '/register', '/notes', '/invite/not-a-real-invite-token']) {
      const response = await fetch(`${server.url}${path}`);
      const html = await response.text();
      assert.equal(response.status, 200, path);
      assert.doesNotMatch(html, telling, `${path} reads like any app`);
      assert.match(html, /<title>Harbor<\/title>/);
    }
  });

  test('unknown websocket paths are refused', async () => {
    const { WebSocket } = await import('ws');
    const code = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/not-a-socket`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    assert.equal(code, 404);
  });
});
