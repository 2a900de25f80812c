/**
 * A second session cookie under next-auth's name (a sibling site can set one for the parent
 * domain, "cookie tossing") must not sign the visitor in as someone else: with two, neither
 * counts, on HTTP, on the Yjs upgrade and on the board channel alike.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createBoard, openChannel, person, planDoc } from '../helpers/board';
import type { TestClient } from '../helpers/client';
import { type RunningServer, startServer } from '../helpers/server';
import { RawYjsSocket } from '../helpers/sockets';

let server: RunningServer;
let ana: TestClient;
let planted: TestClient;
let boardId: string;
/** Ana's cookie with the other account's session token sent again under the same name. */
let tossed: string;

before(async () => {
  server = await startServer();
  ana = await person(server.url, 'Ana');
  planted = await person(server.url, 'Planted');
  boardId = await createBoard(ana);
  tossed = `${ana.cookieHeader()}; ${planted.cookieHeader()}`;
  const name = (header: string) => header.split('=')[0];
  assert.equal(name(planted.cookieHeader()), name(ana.cookieHeader()), 'both sessions use one cookie name');
});
after(async () => {
  await server.dispose();
});

test('two session cookies under one name sign nobody in over HTTP', async () => {
  assert.equal((await fetch(`${server.url}/api/boards`, { headers: { cookie: ana.cookieHeader() } })).status, 200);
  assert.equal((await fetch(`${server.url}/api/boards`, { headers: { cookie: tossed } })).status, 401);
  const page = await fetch(`${server.url}/boards/${boardId}`, { headers: { cookie: tossed }, redirect: 'manual' });
  assert.equal(page.status, 307, 'the board page sends the visitor to sign in');
  assert.match(page.headers.get('location') ?? '', /\/signin/);
});

test('nor on the Yjs upgrade, nor on the board channel', async () => {
  const refused = await RawYjsSocket.open(server.url, planDoc(boardId), tossed);
  assert.equal(refused.opened, false);
  assert.equal(refused.opened ? 0 : refused.status, 401);
  refused.socket.ws.terminate();
  await assert.rejects(openChannel(server.url, tossed), /unauthorized/);
});
