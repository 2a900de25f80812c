/**
 * Questions to the interventionist are records (docs/realtime.md, "Questions"): the server sets
 * who asked and who answered from the session, only the asker rewords or withdraws a question,
 * only an interventionist answers, and the notices are sent by the server, never by a browser.
 * Every forged call below is refused and changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as Y from 'yjs';
import type { TestClient } from '../helpers/client';
import { type BoardChannelClient, createBoard, openChannel, planDoc } from '../helpers/board';
import { teamScene } from '../helpers/team';
import { openDoc } from '../helpers/providers';
import { readStoreOf } from '../helpers/store-reader';
import { type RunningServer, startServer } from '../helpers/server';
import { REQUEST_POLL_MS, waitFor } from '../helpers/wait';

interface Question {
  id: string;
  question: string;
  askedBy: { userId: string; name: string };
  answer: string;
  answeredBy: { userId: string; name: string } | null;
  can: { edit: boolean; withdraw: boolean; answer: boolean };
}

let server: RunningServer;
let lead: TestClient;
let ana: TestClient;
let ben: TestClient;
let vic: TestClient;
let stranger: TestClient;
let boardId: string;
let path: string;
const channels: BoardChannelClient[] = [];

before(async () => {
  server = await startServer();
  ({ lead, boardId, ana, ben, vic, stranger } = await teamScene(server.url));
  path = `/api/boards/${boardId}/attempts/1/questions`;
});
after(async () => {
  for (const channel of channels) channel.close();
  await server.dispose();
});

async function channelOf(who: TestClient): Promise<BoardChannelClient> {
  const channel = await openChannel(server.url, who.cookieHeader());
  channels.push(channel);
  assert.equal((await channel.join(boardId)).ok, true);
  return channel;
}

async function list(who: TestClient = lead): Promise<Question[]> {
  const res = await who.json<{ questions: Question[] }>('GET', path);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.questions;
}

/** Everything the board's questions are, as the interventionist sees them (to prove nothing changed). */
async function snapshot(): Promise<string> {
  return JSON.stringify((await list()).map(({ can: _can, ...rest }) => rest));
}

async function ask(who: TestClient, question: string): Promise<Question> {
  const res = await who.json<{ question: Question }>('POST', path, { question });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.question;
}

const notices = (channel: BoardChannelClient) => channel.named('notify').map((e) => e.payload);

describe('asking', () => {
  test('who asked comes from the session: a body naming someone else is refused and stores nothing', async () => {
    const before = await snapshot();
    const forged = await ana.json('POST', path, { question: 'Signed as the lead?', askedBy: lead.userId });
    assert.equal(forged.status, 400);
    const named = await ana.json('POST', path, { question: 'x', askedByName: 'Lead' });
    assert.equal(named.status, 400);
    assert.equal(await snapshot(), before);

    const asked = await ask(ana, '  What if Sam asks who planned this?  ');
    assert.equal(asked.question, 'What if Sam asks who planned this?');
    assert.deepEqual(asked.askedBy, { userId: ana.userId, name: 'Ana' });
    assert.deepEqual(asked.can, { edit: true, withdraw: true, answer: false });
    const seenByBen = (await list(ben)).find((q) => q.id === asked.id);
    assert.deepEqual(seenByBen?.can, { edit: false, withdraw: false, answer: false });
    const seenByLead = (await list(lead)).find((q) => q.id === asked.id);
    assert.deepEqual(seenByLead?.can, { edit: false, withdraw: true, answer: true });
  });

  test('bad input gets a clear error and changes nothing', async () => {
    const before = await snapshot();
    for (const body of [{}, { question: '' }, { question: '   ' }, { question: 'x'.repeat(2001) }, { question: 7 }]) {
      const res = await ana.json<{ error: { code: string; message: string } }>('POST', path, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'invalid_request');
    }
    const notJson = await ana.request('POST', path, '{not json', { 'content-type': 'application/json' });
    assert.equal(notJson.status, 400);
    assert.equal(
      (await ana.json('POST', `/api/boards/${boardId}/attempts/7/questions`, { question: 'x' })).status,
      404,
    );
    assert.equal(
      (await ana.json('POST', `/api/boards/${boardId}/attempts/x/questions`, { question: 'x' })).status,
      400,
    );
    assert.equal(await snapshot(), before);
  });

  test('viewers read but do not ask; strangers and signed-out callers see nothing', async () => {
    const before = await snapshot();
    assert.equal((await vic.json('POST', path, { question: 'May I?' })).status, 403);
    assert.ok((await list(vic)).length > 0, 'a viewer reads the questions and answers');
    assert.equal((await stranger.json('GET', path)).status, 404);
    assert.equal((await stranger.json('POST', path, { question: 'hello' })).status, 404);
    const anonymous = await fetch(`${server.url}${path}`);
    assert.equal(anonymous.status, 401);
    assert.equal(await snapshot(), before);
  });
});

describe('authorship', () => {
  test('only the asker rewords or withdraws; no one else, not even the interventionist, rewords it', async () => {
    const mine = await ask(ana, 'Should Grandpa be told?');
    const before = await snapshot();
    const item = `${path}/${mine.id}`;
    assert.equal((await ben.json('PATCH', item, { question: 'Ben rewrote this' })).status, 403);
    assert.equal((await lead.json('PATCH', item, { question: 'Lead rewrote this' })).status, 403);
    assert.equal((await vic.json('PATCH', item, { question: 'Vic rewrote this' })).status, 403);
    assert.equal((await ben.json('DELETE', item)).status, 403);
    assert.equal((await vic.json('DELETE', item)).status, 403);
    assert.equal((await ana.json('PATCH', item, { question: 'x', askedBy: ben.userId })).status, 400);
    assert.equal(await snapshot(), before);

    const edited = await ana.json<{ question: Question }>('PATCH', item, { question: 'Should Grandpa Joe be told?' });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.question.question, 'Should Grandpa Joe be told?');
    assert.equal((await ana.json('DELETE', item)).status, 204);
    assert.equal(
      (await list()).some((q) => q.id === mine.id),
      false,
      'a withdrawn question is not listed',
    );
    assert.equal((await ana.json('PATCH', item, { question: 'edit after withdrawing' })).status, 404);
    assert.equal((await ben.json('POST', `${item}/restore`)).status, 403, 'nor brought back by someone else');
    const restored = await ana.json<{ question: Question }>('POST', `${item}/restore`);
    assert.equal(restored.status, 200, 'undo brings it back as it was');
    assert.equal(restored.body.question.question, 'Should Grandpa Joe be told?');
    assert.equal((await ana.json('POST', `${item}/restore`)).status, 404, 'restoring twice is not a thing');
    // The interventionist looks after the list: they may remove anyone's question.
    assert.equal((await lead.json('DELETE', item)).status, 204);
  });

  test('unknown, malformed and other boards’ question ids are not found', async () => {
    const other = await createBoard(ben, 'Ben’s own board');
    const theirs = await ben.json<{ question: Question }>('POST', `/api/boards/${other}/attempts/1/questions`, {
      question: 'On my own board',
    });
    assert.equal(theirs.status, 201);
    const before = await snapshot();
    for (const id of [theirs.body.question.id, 'nope', 'A'.repeat(22), '../x']) {
      assert.equal((await lead.json('PUT', `${path}/${encodeURIComponent(id)}/answer`, { answer: 'x' })).status, 404);
    }
    assert.equal(await snapshot(), before);
  });
});

describe('answers and notices', () => {
  test('only interventionists answer; who answered comes from the session; the asker is told by the server', async () => {
    const leadChannel = await channelOf(lead);
    const anaChannel = await channelOf(ana);
    const benChannel = await channelOf(ben);

    // The browser no longer announces questions: a forged event from a family member tells no one.
    benChannel.socket.emit('question:asked', { boardId });
    benChannel.socket.emit('question:answered', { boardId, askerId: ana.userId });
    // A round trip on Ben's socket: the server has handled both events before it answers.
    assert.equal((await benChannel.join(boardId)).ok, true);

    const asked = await ask(ana, 'Who drives to the clinic?');
    await waitFor(() => notices(leadChannel).length > 0, 'the interventionist is told');
    assert.deepEqual(notices(leadChannel), [{ boardId, kind: 'question-asked', from: 'Ana' }]);
    assert.deepEqual(notices(anaChannel), [], 'the asker is not told of their own question');
    await waitFor(
      () => benChannel.named('board:changed').some((e) => JSON.stringify(e.payload).includes(asked.id)),
      'the board hears that the questions changed',
    );

    const item = `${path}/${asked.id}`;
    const before = await snapshot();
    for (const who of [ana, ben, vic]) {
      const res = await who.json('PUT', `${item}/answer`, { answer: `${who.name} answers for the interventionist` });
      assert.equal(res.status, 403, `${who.name} cannot answer`);
    }
    assert.equal((await lead.json('PUT', `${item}/answer`, { answer: 'x', answeredBy: ana.userId })).status, 400);
    assert.equal(await snapshot(), before);
    assert.deepEqual(notices(anaChannel), [], 'no answer, no notice');

    const answered = await lead.json<{ question: Question }>('PUT', `${item}/answer`, { answer: 'Riley drives.' });
    assert.equal(answered.status, 200);
    assert.equal(answered.body.question.answer, 'Riley drives.');
    assert.deepEqual(answered.body.question.answeredBy, { userId: lead.userId, name: 'Lead' });
    await waitFor(() => notices(anaChannel).length > 0, 'the asker is told');
    assert.deepEqual(notices(anaChannel), [{ boardId, kind: 'question-answered', from: 'Lead' }]);
    assert.deepEqual(notices(benChannel), [], 'nobody else is told');
    const seenByViewer = (await list(vic)).find((q) => q.id === asked.id);
    assert.equal(seenByViewer?.answer, 'Riley drives.');
    // An empty answer takes it back: the question is open again.
    const reopened = await lead.json<{ question: Question }>('PUT', `${item}/answer`, { answer: '' });
    assert.equal(reopened.body.question.answer, '');
    assert.equal(reopened.body.question.answeredBy, null);
  });

  test('a question written into the plan document is not a question: it cannot forge one', async () => {
    const before = await snapshot();
    const plan = await openDoc(ana, planDoc(boardId));
    plan.doc.transact(() => {
      const questions = plan.doc.getMap('questions');
      const item = new Y.Map<unknown>();
      questions.set('forged-item-0000001', item);
      item.set('id', 'forged-item-0000001');
      item.set('order', 'a0');
      item.set('askedBy', lead.userId);
      item.set('askedByName', 'Lead');
      const question = new Y.Text();
      question.insert(0, 'Forged question');
      item.set('question', question);
      const answer = new Y.Text();
      answer.insert(0, 'Forged answer from the interventionist');
      item.set('answer', answer);
    });
    await waitFor(
      async () => {
        const state = await lead.json<{ state: { questions: unknown[] } }>(
          'GET',
          `/api/boards/${boardId}/history/state?doc=${encodeURIComponent(planDoc(boardId))}&seq=${Number.MAX_SAFE_INTEGER}`,
        );
        return state.body.state.questions.length > 0;
      },
      'the plan stored the item',
      5000,
      REQUEST_POLL_MS,
    );
    plan.destroy();
    assert.equal(await snapshot(), before, 'the questions are what the records say');
  });
});

describe('a closed attempt', () => {
  test('its questions are read, not changed', async () => {
    const open = await ask(ben, 'Is the bed still held?');
    assert.equal((await lead.json('PUT', `/api/boards/${boardId}/attempts/1/freeze`, { frozen: true })).status, 200);
    const before = await snapshot();
    assert.equal((await ana.json('POST', path, { question: 'After the freeze?' })).status, 409);
    assert.equal((await ben.json('PATCH', `${path}/${open.id}`, { question: 'Edited after' })).status, 409);
    assert.equal((await lead.json('PUT', `${path}/${open.id}/answer`, { answer: 'Too late' })).status, 409);
    assert.equal((await ben.json('DELETE', `${path}/${open.id}`)).status, 409);
    assert.equal(await snapshot(), before);
    const seen = await ben.json<{ questions: Question[]; canAsk: boolean }>('GET', path);
    assert.equal(seen.body.canAsk, false);
    assert.ok(seen.body.questions.every((q) => !q.can.edit && !q.can.withdraw && !q.can.answer));
  });
});

describe('staging the next attempt', () => {
  test('carries the questions waiting for an answer over, with their askers (server/questions/carry-over.test.ts: not the answered or withdrawn ones)', async () => {
    const before = await list();
    const open = before.filter((q) => q.answer === '');
    assert.ok(open.length > 0, 'the board holds questions waiting for an answer');
    assert.equal((await lead.json('POST', `/api/boards/${boardId}/attempts`)).status, 201);
    const next = await lead.json<{ questions: Question[] }>('GET', `/api/boards/${boardId}/attempts/2/questions`);
    assert.equal(next.status, 200);
    assert.deepEqual(
      next.body.questions.map((q) => [q.question, q.askedBy.userId, q.answer]),
      open.map((q) => [q.question, q.askedBy.userId, '']),
    );
    assert.equal(await snapshot(), JSON.stringify(before.map(({ can: _can, ...rest }) => rest)));
  });
});

describe('deleting the board', () => {
  test('removes its questions', async () => {
    assert.equal((await lead.json('DELETE', `/api/boards/${boardId}`, { confirmTitle: 'Helping Sam' })).status, 204);
    const store = readStoreOf(server);
    try {
      const left = await store.kysely.selectFrom('questions').select('id').where('board_id', '=', boardId).execute();
      assert.equal(left.length, 0);
    } finally {
      await store.close();
    }
  });
});
