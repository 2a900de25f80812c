/**
 * The readiness API's part in the coverage: who is asked about bottom lines, and where each
 * participant's letters stand, told to each reader only as far as review status is theirs to see.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LetterProgress } from '../../lib/readiness/letter-progress';
import type { TestClient } from '../helpers/client';
import { createBoard, expectStatus, joinAs, person } from '../helpers/board';
import { writeLetter } from '../helpers/letters';
import { type RunningServer, startServer } from '../helpers/server';

interface Report {
  readiness: { userId: string; attending: string | null; holding: string | null; holdsBottomLines: boolean }[];
  letters: LetterProgress;
}

let server: RunningServer;
let lead: TestClient;
let ana: TestClient;
let ben: TestClient;
let viewer: TestClient;
let boardId: string;
let path: string;
let reviews: string;

before(async () => {
  server = await startServer();
  lead = await person(server.url, 'Lead');
  boardId = await createBoard(lead);
  ana = await joinAs(lead, boardId, 'family', 'Ana');
  ben = await joinAs(lead, boardId, 'family', 'Ben');
  viewer = await joinAs(lead, boardId, 'viewer', 'Vic');
  path = `/api/boards/${boardId}/attempts/1/readiness`;
  reviews = `/api/boards/${boardId}/attempts/1/reviews`;
});
after(async () => {
  await server.dispose();
});

const report = async (who: TestClient) => {
  const res = await who.json<Report>('GET', path);
  assert.equal(res.status, 200);
  return res.body;
};

test('the interventionist checks in on attendance only; a relative must answer about bottom lines', async () => {
  await expectStatus(lead, 'PUT', path, { attending: 'yes' }, 200);
  // Sent anyway, it is not stored: they hold no bottom lines to confirm.
  await expectStatus(lead, 'PUT', path, { attending: 'yes', holding: 'no' }, 200);
  await expectStatus(ana, 'PUT', path, { attending: 'yes' }, 400);
  await expectStatus(ana, 'PUT', path, { attending: 'yes', holding: 'unsure' }, 200);
  const rows = new Map((await report(lead)).readiness.map((r) => [r.userId, r]));
  assert.deepEqual(rows.get(lead.userId), {
    ...rows.get(lead.userId),
    attending: 'yes',
    holding: null,
    holdsBottomLines: false,
  });
  assert.equal(rows.get(ana.userId)?.holding, 'unsure');
  assert.equal(rows.get(ana.userId)?.holdsBottomLines, true);
  assert.equal(rows.has(viewer.userId), false);
});

test("letters: the interventionist sees each relative's; a relative their own and a count of the others", async () => {
  const none = { impact: null, bottomLine: null };
  let all = (await report(lead)).letters;
  assert.equal(all.expected, 2, 'the relatives write letters; the interventionist and the viewer do not');
  assert.deepEqual(
    all.writers.map((w) => [w.name, w.letters]),
    [
      ['Ana', none],
      ['Ben', none],
    ],
  );
  assert.equal(all.othersOutstanding, 0);
  assert.deepEqual(await lettersOf(ana), { expected: 2, writers: [['Ana', none]], othersOutstanding: 1 });

  // A blank letter cannot be submitted: Ana writes both first.
  (await writeLetter(ana, boardId, 'impact', 'Ana, I love you. On March 3rd I was afraid.')).destroy();
  (await writeLetter(ana, boardId, 'bottomLine', 'I will no longer lend you money.')).destroy();
  await expectStatus(ana, 'POST', reviews, { letter: 'impact' }, 200);
  await expectStatus(ana, 'POST', reviews, { letter: 'bottomLine' }, 200);
  assert.deepEqual(await lettersOf(ben), { expected: 2, writers: [['Ben', none]], othersOutstanding: 0 });
  assert.deepEqual(await lettersOf(viewer), { expected: 2, writers: [], othersOutstanding: 1 });

  // A letter sent back for changes is not handed in.
  await expectStatus(
    lead,
    'PUT',
    `${reviews}/${ana.userId}`,
    { letter: 'impact', decision: 'changes-requested', comment: 'One specific moment, please.' },
    200,
  );
  all = (await report(lead)).letters;
  assert.deepEqual(all.writers.find((w) => w.name === 'Ana')?.letters, {
    impact: 'changes-requested',
    bottomLine: 'submitted',
  });
  assert.equal((await lettersOf(ben)).othersOutstanding, 1);

  // Someone the interventionist decided stays home owes no letters.
  await expectStatus(
    lead,
    'PUT',
    `/api/boards/${boardId}/attempts/1/attendance/${ben.userId}`,
    { decision: 'home' },
    200,
  );
  assert.deepEqual(await lettersOf(ben), { expected: 1, writers: [], othersOutstanding: 1 });
  assert.deepEqual(
    (await report(lead)).letters.writers.map((w) => w.name),
    ['Ana'],
  );
});

async function lettersOf(who: TestClient) {
  const { letters } = await report(who);
  return { ...letters, writers: letters.writers.map((w) => [w.name, w.letters]) };
}
