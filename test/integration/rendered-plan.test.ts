import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as Y from 'yjs';
import { bytesOf, containsBytes } from '../helpers/bytes';
import type { TestClient } from '../helpers/client';
import { createBoard, joinAs, lettersDoc, notesDoc, person, planDoc } from '../helpers/board';
import { openDoc } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { readStoreOf, type StoreReader } from '../helpers/store-reader';
import { waitFor } from '../helpers/wait';

/**
 * The board page carries its plan as stored when it was rendered (server/update-log/page-state.ts),
 * so a phone shows it before its document socket syncs. Only the plan, only to those the one
 * permission function lets read it, and never more than the page should carry.
 */

let server: RunningServer;
let lead: TestClient;
let ana: TestClient;
let vic: TestClient;
let stranger: TestClient;
let boardId: string;
let store: StoreReader;

const PLAN_WORDS = 'We meet at the park on Saturday';
const NOTES_WORDS = 'Private: Ana may lose her temper';
const LETTER_WORDS = 'Dear Sam, unshared draft';

interface Rendered {
  docName: string;
  seq: number;
  parts: string[];
}

/** The plan state in a board page's HTML (the props of its shell, inside the page's flight data). */
function renderedPlanOf(html: string): Rendered | null | undefined {
  const unescaped = html.replaceAll('\\"', '"');
  if (unescaped.includes('"renderedPlan":null')) return null;
  const match = /"renderedPlan":\{"docName":"([^"]+)","seq":(\d+),"parts":\[([^\]]*)\]\}/.exec(unescaped);
  if (!match) return undefined;
  const parts =
    (match[3] ?? '').length === 0 ? [] : (match[3] ?? '').split(',').map((part) => part.replaceAll('"', ''));
  return { docName: match[1] ?? '', seq: Number(match[2]), parts };
}

function docOf(rendered: Rendered): Y.Doc {
  const doc = new Y.Doc();
  for (const part of rendered.parts) Y.applyUpdate(doc, Buffer.from(part, 'base64'));
  return doc;
}

async function write(who: TestClient, docName: string, field: string, text: string): Promise<void> {
  const before = await store.loggedCount(docName);
  const opened = await openDoc(who, docName);
  opened.doc.getText(field).insert(0, text);
  await waitFor(async () => (await store.loggedCount(docName)) > before, `${docName} stored`);
  opened.destroy();
}

async function boardPage(who: TestClient, id = boardId): Promise<{ status: number; html: string; cache: string }> {
  const response = await who.request('GET', `/boards/${id}`, undefined, { 'Sec-Fetch-Dest': 'document' });
  return { status: response.status, html: await response.text(), cache: response.headers.get('cache-control') ?? '' };
}

before(async () => {
  server = await startServer();
  store = readStoreOf(server);
  lead = await person(server.url, 'Lead');
  boardId = await createBoard(lead);
  ana = await joinAs(lead, boardId, 'family', 'Ana');
  vic = await joinAs(lead, boardId, 'viewer', 'Vic');
  stranger = await person(server.url, 'Stranger');
  await write(ana, planDoc(boardId), 'logistics.place', PLAN_WORDS);
  await write(lead, notesDoc(boardId), 'notes', NOTES_WORDS);
  await write(ana, lettersDoc(boardId, ana.userId), 'probe', LETTER_WORDS);
});
after(async () => {
  await store.close();
  await server.dispose();
});

describe('the plan that comes with the board page', () => {
  test('every member who may read the plan gets it as stored, and nothing of another document', async () => {
    for (const who of [lead, ana, vic]) {
      const { status, html, cache } = await boardPage(who);
      assert.equal(status, 200);
      // The page holds the plan: no cache along the way, nor the browser's, may keep it.
      assert.match(cache, /no-store/);
      const rendered = renderedPlanOf(html);
      assert.ok(rendered, `${who.name}'s page carries the plan`);
      assert.equal(rendered.docName, planDoc(boardId));
      assert.equal(rendered.seq, await store.loggedCount(planDoc(boardId)), 'up to the last logged update');
      const doc = docOf(rendered);
      assert.equal(doc.getText('logistics.place').toString(), PLAN_WORDS);
      doc.destroy();
      for (const part of rendered.parts) {
        const bytes = Buffer.from(part, 'base64');
        assert.equal(containsBytes(bytes, bytesOf('Private: Ana')), false, 'no private notes');
        assert.equal(containsBytes(bytes, bytesOf('unshared draft')), false, 'no unshared letter');
      }
      assert.equal(html.includes('Private: Ana'), false);
      assert.equal(html.includes('unshared draft'), false);
    }
  });

  test("a refresh of the page (the router's flight data) does not carry the plan again", async () => {
    // Next's router fetches with the `rsc` header, on an address carrying the matching `_rsc`
    // query; the browser marks every fetch() `Sec-Fetch-Dest: empty`.
    const asRouter = { RSC: '1', 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Mode': 'cors' };
    let response = await ana.request('GET', `/boards/${boardId}`, undefined, asRouter);
    const location = response.headers.get('location');
    if (response.status === 307 && location) {
      const next = new URL(location, server.url);
      response = await ana.request('GET', `${next.pathname}${next.search}`, undefined, asRouter);
    }
    assert.equal(response.status, 200);
    const flight = await response.text();
    assert.match(flight, /renderedPlan/, 'the flight data of the board page');
    assert.equal(renderedPlanOf(flight), null);
  });

  test('someone outside the board gets no page, and so no plan', async () => {
    const { status, html } = await boardPage(stranger);
    assert.equal(status, 404);
    assert.equal(renderedPlanOf(html), undefined);
    assert.equal(html.includes(Buffer.from(PLAN_WORDS).toString('base64').slice(0, 16)), false);
  });

  test('a member removed from the board loses the page with the plan', async () => {
    const leaving = await joinAs(lead, boardId, 'family', 'Leaving');
    assert.ok(renderedPlanOf((await boardPage(leaving)).html));
    const removed = await lead.request('DELETE', `/api/boards/${boardId}/members/${leaving.userId}`);
    assert.equal(removed.status, 204);
    const { status, html } = await boardPage(leaving);
    assert.equal(status, 404);
    assert.equal(renderedPlanOf(html), undefined);
  });

  test('a plan larger than the page should carry is left to the socket', async () => {
    const big = await createBoard(lead, 'A long plan');
    // 4 x 60 KB of text: past the 192 KB a page carries, within every realtime limit.
    for (let i = 0; i < 4; i++) await write(lead, planDoc(big), `approach.note${i}`, 'x'.repeat(60 * 1024));
    const { status, html } = await boardPage(lead, big);
    assert.equal(status, 200);
    assert.equal(renderedPlanOf(html), null);
  });
});
