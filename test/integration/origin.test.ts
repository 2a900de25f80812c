import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../helpers/client';
import { createBoard, openChannel, person, planDoc } from '../helpers/board';
import { type RunningServer, startServer } from '../helpers/server';
import { RawYjsSocket } from '../helpers/sockets';

/**
 * A page on another site (or a sibling subdomain, which SameSite=Lax cookies do not keep out)
 * may not act with its visitor's session: mutating API calls, next-auth's forms, Yjs upgrades
 * and socket.io handshakes that name another origin are refused, and a request that changes
 * something takes no body type but JSON. Clients that send no Origin (not browsers) pass.
 */

const EVIL = 'https://evil.example';
const SIBLING_OF_APP = 'http://boards.127.0.0.1.nip.io';

let server: RunningServer;
let lead: TestClient;
let boardId: string;

before(async () => {
  server = await startServer();
  lead = await person(server.url, 'Lead');
  boardId = await createBoard(lead);
});
after(async () => {
  await server.dispose();
});

async function boardCount(): Promise<number> {
  const listed = await lead.json<{ boards: unknown[] }>('GET', '/api/boards');
  assert.equal(listed.status, 200);
  return listed.body.boards.length;
}

async function attemptCount(): Promise<number> {
  const board = await lead.json<{ board: { attempts: unknown[] } }>('GET', `/api/boards/${boardId}`);
  assert.equal(board.status, 200);
  return board.body.board.attempts.length;
}

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code;
}

/** A request as a script sends it: the session cookie and no Origin header at all. */
function withoutOrigin(method: string, path: string, body: string, contentType: string): Promise<Response> {
  return fetch(server.url + path, {
    method,
    headers: { cookie: lead.cookieHeader(), 'content-type': contentType },
    body,
  });
}

describe('requests from another origin', () => {
  test('a JSON call from another site is refused with 403 and changes nothing', async () => {
    const before = await boardCount();
    for (const origin of [EVIL, SIBLING_OF_APP, 'null', server.url.replace('http:', 'https:')]) {
      const created = await lead.request('POST', '/api/boards', { title: 'Forged' }, { origin });
      assert.equal(created.status, 403, `POST from ${origin}`);
      assert.equal(await errorCode(created), 'forbidden_origin');
    }
    const deleted = await lead.request(
      'DELETE',
      `/api/boards/${boardId}`,
      { confirmTitle: 'Helping Sam' },
      { origin: EVIL },
    );
    assert.equal(deleted.status, 403);
    const staged = await lead.request('POST', `/api/boards/${boardId}/attempts`, undefined, { origin: EVIL });
    assert.equal(staged.status, 403);
    const read = await lead.request('GET', '/api/boards', undefined, { origin: EVIL });
    assert.equal(read.status, 403, 'a cross-origin read is refused too');
    assert.equal(await boardCount(), before);
    assert.equal(await attemptCount(), 1);
  });

  test('a form a page elsewhere can post without asking (text/plain, urlencoded) is refused with 415', async () => {
    const before = await boardCount();
    // As an old browser's cross-site form arrives: no Origin, a form content type.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const created = await withoutOrigin('POST', '/api/boards', JSON.stringify({ title: 'Forged' }), type);
      assert.equal(created.status, 415, type);
      assert.equal(await errorCode(created), 'unsupported_media_type');
      // A route that reads no body is covered too.
      const staged = await withoutOrigin('POST', `/api/boards/${boardId}/attempts`, '', type);
      assert.equal(staged.status, 415, `staging as ${type}`);
    }
    const untyped = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { cookie: lead.cookieHeader() },
      body: JSON.stringify({ title: 'Forged' }),
    });
    assert.equal(untyped.status, 415, 'a JSON route takes JSON only');
    assert.equal(await boardCount(), before);
    assert.equal(await attemptCount(), 1);
  });

  test('the app’s own origin and clients without an Origin header are served', async () => {
    const before = await boardCount();
    const same = await lead.json('POST', '/api/boards', { title: 'From the page' });
    assert.equal(same.status, 201);
    const script = await withoutOrigin(
      'POST',
      '/api/boards',
      JSON.stringify({ title: 'From a script' }),
      'application/json; charset=utf-8',
    );
    assert.equal(script.status, 201);
    assert.equal(await boardCount(), before + 2);
  });

  test("next-auth's sign-in and sign-out from another site are refused", async () => {
    const visitor = new TestClient(server.url);
    const csrf = await visitor.json<{ csrfToken: string }>('GET', '/api/auth/csrf');
    const form = new URLSearchParams({
      csrfToken: csrf.body.csrfToken,
      email: lead.email,
      password: 'correct horse battery',
      json: 'true',
    });
    const signIn = await visitor.request('POST', '/api/auth/callback/credentials', form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      origin: EVIL,
    });
    assert.equal(signIn.status, 403);
    const session = await visitor.json<{ user?: unknown }>('GET', '/api/auth/session');
    assert.equal(session.body.user, undefined, 'no session from a forged sign-in');

    const leadCsrf = await lead.json<{ csrfToken: string }>('GET', '/api/auth/csrf');
    const signOut = await lead.request(
      'POST',
      '/api/auth/signout',
      new URLSearchParams({ csrfToken: leadCsrf.body.csrfToken, json: 'true' }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded', origin: EVIL },
    );
    assert.equal(signOut.status, 403);
    assert.equal((await lead.json('GET', '/api/boards')).status, 200, 'still signed in');
  });

  test('a Yjs upgrade from another origin is refused with 403 before any byte of the document', async () => {
    for (const origin of [EVIL, 'null']) {
      const refused = await RawYjsSocket.open(server.url, planDoc(boardId), lead.cookieHeader(), { origin });
      assert.equal(refused.opened, false, `upgrade from ${origin}`);
      if (!refused.opened) assert.equal(refused.status, 403);
      assert.equal(refused.socket.frames.length, 0);
    }
    for (const origin of [undefined, null]) {
      const opened = await RawYjsSocket.open(server.url, planDoc(boardId), lead.cookieHeader(), { origin });
      assert.equal(opened.opened, true, origin === null ? 'no Origin (a script)' : 'the app’s own origin');
      opened.socket.ws.close();
    }
  });

  test('a socket.io handshake from another origin is refused', async () => {
    await assert.rejects(openChannel(server.url, lead.cookieHeader(), { origin: EVIL }), 'websocket handshake');
    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { cookie: lead.cookieHeader(), origin: EVIL },
    });
    assert.equal(polling.status, 403, 'polling handshake');
    const channel = await openChannel(server.url, lead.cookieHeader());
    assert.deepEqual(await channel.join(boardId), { ok: true, role: 'interventionist' });
    channel.close();
  });
});
