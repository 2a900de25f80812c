import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { writeDebrief } from '../../lib/plan/debrief';
import { addItem } from '../../lib/plan/lists';
import type { Debrief } from '../../lib/schemas/debrief';
import type { Role } from '../../lib/roles';
import type { TestClient } from '../helpers/client';
import { createBoard, joinAs, person } from '../helpers/board';
import { openDoc } from '../helpers/providers';
import { writeParagraph } from '../helpers/tiptap-fragments';
import { REQUEST_POLL_MS, sleep, waitFor } from '../helpers/wait';
import { type RunningServer, startServer } from '../helpers/server';

let server: RunningServer;
let lead: TestClient;
let ana: TestClient;
let ben: TestClient;
let boardId: string;

const join = (role: Role, label: string) => joinAs(lead, boardId, role, label);

const planDoc = (n: number) => `board/${boardId}/attempt/${n}`;
const lettersDoc = (n: number, owner: TestClient) => `board/${boardId}/letters/${n}/${owner.userId}`;
const q = (doc: string) => encodeURIComponent(doc);

interface TimelineEntry {
  seq: number;
  userId: string;
  fields: string[];
}

before(async () => {
  server = await startServer();
  lead = await person(server.url, 'Lead');
  boardId = await createBoard(lead);
  ana = await join('family', 'Ana');
  ben = await join('family', 'Ben');
});
after(async () => {
  await server.dispose();
});

describe('history', () => {
  test('the timeline says who changed which section; a past state is served exactly; access is checked per document', async () => {
    const plan = await openDoc(ana, planDoc(1));
    addItem(plan.doc, 'team', { text: { name: 'Ana', relationship: 'sister' } });
    await waitFor(
      async () =>
        (await lead.json<{ changes: unknown[] }>('GET', `/api/boards/${boardId}/history?doc=${q(planDoc(1))}`)).body
          .changes?.length === 1,
      'first change logged',
      5000,
      REQUEST_POLL_MS,
    );
    plan.doc.getText('logistics.place').insert(0, 'Mum and Dad’s kitchen');
    await waitFor(
      async () =>
        (await lead.json<{ changes: unknown[] }>('GET', `/api/boards/${boardId}/history?doc=${q(planDoc(1))}`)).body
          .changes?.length === 2,
      'second change logged',
      5000,
      REQUEST_POLL_MS,
    );

    const timeline = await ben.json<{ entries: TimelineEntry[] }>(
      'GET',
      `/api/boards/${boardId}/history/timeline?doc=${q(planDoc(1))}`,
    );
    assert.equal(timeline.status, 200);
    assert.deepEqual(
      timeline.body.entries.map((e) => [e.seq, e.userId, e.fields]),
      [
        [1, ana.userId, ['team']],
        [2, ana.userId, ['logistics.place']],
      ],
    );
    const first = await ben.json<{ state: { team: { name: string }[]; logistics: { place: string } } }>(
      'GET',
      `/api/boards/${boardId}/history/state?doc=${q(planDoc(1))}&seq=1`,
    );
    assert.deepEqual(
      first.body.state.team.map((m) => m.name),
      ['Ana'],
    );
    assert.equal(first.body.state.logistics.place, '', 'the place was not written yet at seq 1');
    const latest = await ben.json<{ seq: number; state: { logistics: { place: string } } }>(
      'GET',
      `/api/boards/${boardId}/history/state?doc=${q(planDoc(1))}&at=${Date.now()}`,
    );
    assert.equal(latest.body.seq, 2);
    assert.equal(latest.body.state.logistics.place, 'Mum and Dad’s kitchen');
    plan.destroy();

    // Notes and another member's unshared letters: not found, past or present.
    const notes = await openDoc(lead, `board/${boardId}/notes`);
    notes.doc.getText('notes').insert(0, 'Ben may lose his temper.');
    const letters = await openDoc(ana, lettersDoc(1, ana));
    writeParagraph(letters.doc, 'impact', 'A private first draft.');
    await waitFor(
      async () =>
        (await lead.json<{ changes: unknown[] }>('GET', `/api/boards/${boardId}/history?doc=${q(lettersDoc(1, ana))}`))
          .body.changes?.length === 1,
      'letter logged',
      5000,
      REQUEST_POLL_MS,
    );
    for (const doc of [`board/${boardId}/notes`, lettersDoc(1, ana)]) {
      assert.equal((await ben.json('GET', `/api/boards/${boardId}/history?doc=${q(doc)}`)).status, 404);
      assert.equal((await ben.json('GET', `/api/boards/${boardId}/history/timeline?doc=${q(doc)}`)).status, 404);
      assert.equal((await ben.json('GET', `/api/boards/${boardId}/history/state?doc=${q(doc)}&seq=1`)).status, 404);
    }
    // Shared, Ben may read the letter's history; unshared again, he may not (history follows
    // what a person may read now, so a withdrawn draft's past is withdrawn too).
    assert.equal(
      (await ana.json('PUT', `/api/boards/${boardId}/attempts/1/letters/share`, { shared: true })).status,
      200,
    );
    const shared = await ben.json<{ state: { impact: string } }>(
      'GET',
      `/api/boards/${boardId}/history/state?doc=${q(lettersDoc(1, ana))}&seq=1`,
    );
    assert.equal(shared.body.state.impact, 'A private first draft.');
    assert.equal(
      (await ana.json('PUT', `/api/boards/${boardId}/attempts/1/letters/share`, { shared: false })).status,
      200,
    );
    assert.equal(
      (await ben.json('GET', `/api/boards/${boardId}/history/state?doc=${q(lettersDoc(1, ana))}&seq=1`)).status,
      404,
    );
    // Another board's document through this board's route, and malformed queries.
    assert.equal(
      (await lead.json('GET', `/api/boards/${boardId}/history?doc=${q('board/AAAAAAAAAAAAAAAAAAAAAA/notes')}`)).status,
      404,
    );
    assert.equal((await lead.json('GET', `/api/boards/${boardId}/history/state?doc=${q(planDoc(1))}`)).status, 400);
    assert.equal((await lead.json('GET', `/api/boards/${boardId}/history?doc=${q(planDoc(1))}&limit=-4`)).status, 400);
    notes.destroy();
    letters.destroy();
  });

  test('named versions: interventionists label moments, everyone sees the labels', async () => {
    const path = `/api/boards/${boardId}/versions`;
    assert.equal((await ana.json('POST', path, { label: 'mine', attempt: 1 })).status, 403);
    assert.equal((await lead.json('POST', path, { label: '', attempt: 1 })).status, 400);
    assert.equal((await lead.json('POST', path, { label: 'x', attempt: 7 })).status, 404);
    const created = await lead.json<{ version: { id: string; label: string } }>('POST', path, {
      label: 'Plan as rehearsed',
      attempt: 1,
    });
    assert.equal(created.status, 201);
    const seen = await ben.json<{ versions: { label: string }[] }>('GET', path);
    assert.deepEqual(
      seen.body.versions.map((v) => v.label),
      ['Plan as rehearsed'],
    );
    assert.equal((await ana.json('DELETE', `${path}/${created.body.version.id}`)).status, 403);
    assert.equal((await lead.json('DELETE', `${path}/${created.body.version.id}`)).status, 204);
  });
});

describe('a second attempt', () => {
  test('debrief, then staging copies the plan and letters as drafts and freezes the first attempt', async () => {
    const debrief: Debrief = {
      outcome: 'refused',
      wentWrong: ['walked-out', 'refused-treatment'],
      details: 'Sam left after the second letter.',
      participantNotes: { [ben.userId]: 'Raised his voice.' },
      lessons: 'Ben reads last; meet somewhere Sam cannot simply walk away from.',
    };
    const debriefPath = `/api/boards/${boardId}/attempts/1/debrief`;
    // The debrief is written through its document (test/integration/debrief.test.ts), never saved whole.
    assert.equal((await ben.json('PUT', debriefPath, debrief)).status, 405);
    const written = await openDoc(ben, `board/${boardId}/debrief/1`);
    writeDebrief(written.doc, debrief);
    await waitFor(
      async () => (await ana.json<{ debrief: Debrief }>('GET', debriefPath)).body.debrief.lessons === debrief.lessons,
      'the debrief stored',
      5000,
      REQUEST_POLL_MS,
    );
    written.destroy();
    const saved = await ana.json<{ debrief: Debrief }>('GET', debriefPath);
    assert.deepEqual(saved.body.debrief.wentWrong, debrief.wentWrong);

    const letters = await openDoc(ana, lettersDoc(1, ana));
    writeParagraph(letters.doc, 'bottomLine', 'I will no longer pay your rent.');
    await waitFor(
      async () => {
        const state = await lead.json<{ state: { bottomLine: string } }>(
          'GET',
          `/api/boards/${boardId}/history/state?doc=${q(lettersDoc(1, ana))}&at=${Date.now()}`,
        );
        return state.body.state.bottomLine === 'I will no longer pay your rent.';
      },
      'bottom line stored',
      5000,
      REQUEST_POLL_MS,
    );
    letters.destroy();

    assert.equal((await ana.json('POST', `/api/boards/${boardId}/attempts`)).status, 403);
    const staged = await lead.json<{ attempt: number }>('POST', `/api/boards/${boardId}/attempts`);
    assert.equal(staged.status, 201);
    assert.equal(staged.body.attempt, 2);

    const board = await ana.json<{ board: { attempts: { number: number; frozenAt: number | null }[] } }>(
      'GET',
      `/api/boards/${boardId}`,
    );
    assert.deepEqual(
      board.body.board.attempts.map((a) => [a.number, a.frozenAt !== null]),
      [
        [1, true],
        [2, false],
      ],
    );

    const plan2 = await openDoc(ana, planDoc(2));
    const team = plan2.doc.getMap('team');
    assert.equal(team.size, 1, 'the team is carried over');
    assert.equal(plan2.doc.getText('logistics.place').toString(), 'Mum and Dad’s kitchen');
    plan2.doc.getText('approach.goals').insert(0, 'Second attempt.');
    const letters2 = await openDoc(ana, lettersDoc(2, ana));
    assert.match(letters2.doc.getXmlFragment('bottomLine').toString(), /I will no longer pay your rent\./);
    letters2.destroy();
    // Drafts start private again: Ben cannot open Ana's letters of the new attempt.
    await assert.rejects(openDoc(ben, lettersDoc(2, ana), 1500));
    // The first attempt is read-only for everyone, the interventionist included.
    const plan1 = await openDoc(lead, planDoc(1));
    plan1.doc.getText('approach.goals').insert(0, 'should not stick');
    await sleep(500);
    const frozen = await lead.json<{ state: { approach: { goals: string } } }>(
      'GET',
      `/api/boards/${boardId}/history/state?doc=${q(planDoc(1))}&at=${Date.now()}`,
    );
    assert.ok(!frozen.body.state.approach.goals.includes('should not stick'));
    await waitFor(
      async () => {
        const state = await lead.json<{ state: { approach: { goals: string } } }>(
          'GET',
          `/api/boards/${boardId}/history/state?doc=${q(planDoc(2))}&at=${Date.now()}`,
        );
        return state.body.state.approach.goals === 'Second attempt.';
      },
      'attempt 2 is writable',
      5000,
      REQUEST_POLL_MS,
    );
    plan1.destroy();
    plan2.destroy();
  });
});
