import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../helpers/client';
import { createBoard, joinAs, lettersDoc, person, planDoc } from '../helpers/board';
import { openDoc } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/**
 * API answers carry plans, letters and notes: on a shared family computer, or through a proxy,
 * no cache may keep one. Every answer says `Cache-Control: no-store`: the route wrapper's,
 * its errors, next-auth's and an unknown API path's.
 */

let server: RunningServer;
let lead: TestClient;
let ana: TestClient;
let boardId: string;

before(async () => {
  server = await startServer();
  lead = await person(server.url, 'Lead');
  boardId = await createBoard(lead);
  ana = await joinAs(lead, boardId, 'family', 'Ana');
});
after(async () => {
  await server.dispose();
});

function assertNoStore(response: Response, what: string): void {
  const header = response.headers.get('cache-control') ?? '';
  assert.ok(
    header
      .split(',')
      .map((part) => part.trim())
      .includes('no-store'),
    `${what}: Cache-Control is "${header}"`,
  );
}

describe('no API answer may be cached', () => {
  test('a letter in history and the answers around it say no-store', async () => {
    const letters = await openDoc(ana, lettersDoc(boardId, ana.userId));
    letters.doc.getText('probe').insert(0, 'Dear Sam, we love you.');
    const doc = encodeURIComponent(lettersDoc(boardId, ana.userId));
    await waitFor(async () => {
      const page = await ana.json<{ changes: unknown[] }>('GET', `/api/boards/${boardId}/history?doc=${doc}`);
      return page.body.changes.length > 0;
    }, 'the letter edit stored');
    letters.destroy();

    const answers: Array<[string, Response]> = [
      ['history state', await ana.request('GET', `/api/boards/${boardId}/history/state?doc=${doc}&seq=999`)],
      ['history page', await ana.request('GET', `/api/boards/${boardId}/history?doc=${doc}`)],
      ['timeline', await ana.request('GET', `/api/boards/${boardId}/history/timeline?doc=${doc}`)],
      ['board', await lead.request('GET', `/api/boards/${boardId}`)],
      ['boards', await lead.request('GET', '/api/boards')],
      ['members', await lead.request('GET', `/api/boards/${boardId}/members`)],
      ['export', await lead.request('GET', `/api/boards/${boardId}/export`)],
      ['created', await lead.request('POST', '/api/boards', { title: 'Another' })],
    ];
    assert.equal(answers[0]?.[1].status, 200);
    for (const [what, response] of answers) assertNoStore(response, what);
  });

  test('errors say no-store too', async () => {
    const stranger = new TestClient(server.url);
    const answers: Array<[string, Response]> = [
      ['401', await stranger.request('GET', `/api/boards/${boardId}`)],
      ['404', await lead.request('GET', '/api/boards/not-a-board-id-at-all')],
      ['400', await lead.request('POST', '/api/boards', { title: '' })],
      ['403', await ana.request('GET', `/api/boards/${boardId}/audit`)],
      ['415', await lead.request('POST', '/api/boards', 'x', { 'content-type': 'text/plain' })],
      ['403 origin', await lead.request('POST', '/api/boards', { title: 'x' }, { origin: 'https://evil.example' })],
      ['history 404', await ana.request('GET', `/api/boards/${boardId}/history/state?doc=${planDoc('x')}&seq=1`)],
    ];
    for (const [what, response] of answers) assertNoStore(response, what);
  });

  test("next-auth's answers and unknown API paths say no-store", async () => {
    const visitor = new TestClient(server.url);
    const answers: Array<[string, Response]> = [
      ['csrf', await visitor.request('GET', '/api/auth/csrf')],
      ['session', await lead.request('GET', '/api/auth/session')],
      ['providers', await visitor.request('GET', '/api/auth/providers')],
      ['unknown API path', await lead.request('GET', '/api/nothing-here')],
    ];
    for (const [what, response] of answers) assertNoStore(response, what);
  });
});
