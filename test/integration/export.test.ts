import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createBoard, debriefDoc, joinAs, notesDoc, person, planDoc } from '../helpers/board';
import type { TestClient } from '../helpers/client';
import { writeLetter } from '../helpers/letters';
import { openDoc } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { writeParagraph } from '../helpers/tiptap-fragments';
import { REQUEST_POLL_MS, waitFor } from '../helpers/wait';

/**
 * The export (docs/security.md): every member gets the board as they may read it, documents
 * and records, as JSON and as a printable page, and nothing from a scope they cannot read.
 */

let server: RunningServer;
let lead: TestClient;
let ana: TestClient;
let ben: TestClient;
let vic: TestClient;
let boardId: string;

before(async () => {
  server = await startServer();
  lead = await person(server.url, 'Lead');
  boardId = await createBoard(lead, 'Helping Sam');
  ana = await joinAs(lead, boardId, 'family', 'Ana');
  ben = await joinAs(lead, boardId, 'family', 'Ben');
  vic = await joinAs(lead, boardId, 'viewer', 'Vic');

  const plan = await openDoc(lead, planDoc(boardId));
  plan.doc.getMap('logistics').set('seeded', true);
  const notes = await openDoc(lead, notesDoc(boardId));
  notes.doc.getText('notes').insert(0, 'NOTES-ONLY-FOR-INTERVENTIONISTS');
  const debrief = await openDoc(ana, debriefDoc(boardId));
  debrief.doc.getText('debrief.lessons').insert(0, 'DEBRIEF-LESSON-FOR-ALL');
  // Ana's letters are shared, after a draft she deleted; Ben's stay private.
  const anaLetters = await writeLetter(ana, boardId, 'impact', 'ANA-DRAFT-DELETED-BEFORE-SHARING');
  const fragment = anaLetters.doc.getXmlFragment('impact');
  anaLetters.doc.transact(() => fragment.delete(0, fragment.length));
  writeParagraph(anaLetters.doc, 'impact', 'ANA-SHARED-LETTER');
  await waitFor(
    async () => JSON.stringify((await exportOf(ana)).attempts[0]?.letters ?? []).includes('ANA-SHARED-LETTER'),
    'the shared text is stored',
    5000,
    REQUEST_POLL_MS,
  );
  assert.equal(
    (await ana.json('PUT', `/api/boards/${boardId}/attempts/1/letters/share`, { shared: true })).status,
    200,
  );
  await writeLetter(ben, boardId, 'impact', 'BEN-PRIVATE-LETTER');
  assert.equal((await ana.json('POST', `/api/boards/${boardId}/attempts/1/reviews`, { letter: 'impact' })).status, 200);
  const reviewed = await lead.json('PUT', `/api/boards/${boardId}/attempts/1/reviews/${ana.userId}`, {
    letter: 'impact',
    decision: 'changes-requested',
    comment: 'REVIEW-COMMENT-PRIVATE',
  });
  assert.equal(reviewed.status, 200, JSON.stringify(reviewed.body));
  assert.equal(
    (
      await ben.json('PUT', `/api/boards/${boardId}/attempts/1/readiness`, {
        attending: 'unsure',
        holding: 'unsure',
        note: 'BEN-WAVERS',
      })
    ).status,
    200,
  );
  for (const doc of [plan, notes, debrief, anaLetters]) doc.destroy();
});
after(async () => {
  await server.dispose();
});

interface Exported {
  board: { title: string };
  attempts: { plan: unknown; letters: { ownerName: string }[]; debrief: unknown }[];
  notes: string | null;
  members: { email?: string }[];
  invites: unknown;
  audit: unknown;
  visits: unknown;
}

async function exportOf(who: TestClient): Promise<Exported> {
  const answer = await who.json<Exported>('GET', `/api/boards/${boardId}/export`);
  assert.equal(answer.status, 200, `${who.name} exports`);
  return answer.body;
}

describe('the export', () => {
  test('holds every document and record the reader may read, with its content', async () => {
    const all = JSON.stringify(await exportOf(lead));
    for (const text of [
      'NOTES-ONLY-FOR-INTERVENTIONISTS',
      'DEBRIEF-LESSON-FOR-ALL',
      'ANA-SHARED-LETTER',
      'BEN-PRIVATE-LETTER',
      'REVIEW-COMMENT-PRIVATE',
      'BEN-WAVERS',
      ana.email,
    ])
      assert.ok(all.includes(text), `the interventionist's export has ${text}`);
    const lead_ = await exportOf(lead);
    assert.ok(lead_.invites && lead_.audit && lead_.visits, 'and the records only interventionists see');
    assert.ok(lead_.attempts[0]?.plan, 'the plan');
    const response = await lead.request('GET', `/api/boards/${boardId}/export`);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    await response.body?.cancel();
  });

  test('gives a relative and a viewer nothing from a scope they cannot read', async () => {
    for (const [who, own] of [
      [ana, ['ANA-SHARED-LETTER', 'REVIEW-COMMENT-PRIVATE']],
      [ben, ['BEN-PRIVATE-LETTER', 'BEN-WAVERS', 'ANA-SHARED-LETTER']],
      [vic, ['ANA-SHARED-LETTER', 'DEBRIEF-LESSON-FOR-ALL']],
    ] as const) {
      const exported = await exportOf(who);
      const text = JSON.stringify(exported);
      for (const expected of own) assert.ok(text.includes(expected), `${who.name} has ${expected}`);
      const forbidden = [
        'NOTES-ONLY-FOR-INTERVENTIONISTS',
        'ANA-DRAFT-DELETED-BEFORE-SHARING',
        ...(who === ben ? [] : ['BEN-PRIVATE-LETTER', 'BEN-WAVERS']),
        ...(who === ana ? [] : ['REVIEW-COMMENT-PRIVATE']),
      ];
      for (const secret of forbidden) assert.ok(!text.includes(secret), `${who.name} must not get ${secret}`);
      assert.equal(exported.notes, null);
      assert.deepEqual([exported.invites, exported.audit, exported.visits], [null, null, null]);
      assert.ok(
        exported.members.every((m) => m.email === undefined),
        'no e-mail addresses',
      );
    }
  });

  test('the printable page shows the same, as the reader may read it', async () => {
    const page = await (await ana.request('GET', `/boards/${boardId}/export`)).text();
    assert.ok(page.includes('ANA-SHARED-LETTER') && page.includes('DEBRIEF-LESSON-FOR-ALL'));
    assert.ok(!page.includes('NOTES-ONLY-FOR-INTERVENTIONISTS') && !page.includes('BEN-PRIVATE-LETTER'));
    const leadPage = await (await lead.request('GET', `/boards/${boardId}/export`)).text();
    assert.ok(leadPage.includes('NOTES-ONLY-FOR-INTERVENTIONISTS') && leadPage.includes('BEN-PRIVATE-LETTER'));
    const stranger = await person(server.url, 'Stranger');
    assert.equal((await stranger.json('GET', `/api/boards/${boardId}/export`)).status, 404);
    const strangerPage = await stranger.request('GET', `/boards/${boardId}/export`);
    await strangerPage.body?.cancel();
    assert.equal(strangerPage.status, 404);
  });
});
