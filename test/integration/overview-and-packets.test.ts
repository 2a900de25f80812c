/**
 * The interventionist's overview on the home page (every board they guide, one queue of what
 * needs them next) and the packets for the day (each built with its person's own access), against
 * the real server, as the HTML it serves.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMember, createBoard, expectStatus, joinAs, person, planDoc } from '../helpers/board';
import type { TestClient } from '../helpers/client';
import { writeLetter } from '../helpers/letters';
import { openDoc } from '../helpers/providers';
import { RUN_PLAN, writeRunPlan } from '../helpers/run-plan';
import { type RunningServer, startServer } from '../helpers/server';
import { REQUEST_POLL_MS, waitFor } from '../helpers/wait';

let server: RunningServer;
let lead: TestClient;
let ana: TestClient;
let ben: TestClient;
let vic: TestClient;
let boardId: string;
let otherGuidesBoard: string;

const ANA_LETTER = 'Ana’s impact letter: I love you, and I remember the lake.';
const ANA_BOTTOM = 'Ana’s bottom line: I will not lend money any more.';
const BEN_SECRET = 'Ben’s unshared letter, for nobody else.';

async function page(who: TestClient, path: string): Promise<{ status: number; html: string }> {
  const res = await who.request('GET', path);
  // React marks where two pieces of text meet with an empty comment: gone, the text reads as shown.
  return { status: res.status, html: (await res.text()).replaceAll('<!-- -->', '') };
}

/** The text of the HTML between two markers (the overview, one packet). */
function between(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  assert.ok(from >= 0, `${start} is on the page`);
  const to = html.indexOf(end, from + start.length);
  return html.slice(from, to < 0 ? undefined : to);
}

before(async () => {
  server = await startServer();
  lead = await person(server.url, 'Lead');
  boardId = await createBoard(lead, 'Helping Sam');
  await createBoard(lead, 'Helping Alex');
  ana = await joinAs(lead, boardId, 'family', 'Ana');
  ben = await joinAs(lead, boardId, 'family', 'Ben');
  vic = await joinAs(lead, boardId, 'viewer', 'Vic');
  // A board where the lead is only a relative: not one they guide.
  otherGuidesBoard = await createBoard(ana, 'Ana guides this one');
  await addMember(ana, otherGuidesBoard, lead, 'family');

  const plan = await openDoc(lead, planDoc(boardId));
  writeRunPlan(plan.doc, [
    { name: 'Ana', memberId: ana.userId, roles: ['follower'], seat: 'the green chair' },
    { name: 'Ben', memberId: ben.userId, roles: ['closer'] },
    { name: 'Aunt May', memberId: '', roles: [], attendance: 'letter-read', readBy: 'Ana' },
  ]);
  await waitFor(
    async () => (await page(lead, `/boards/${boardId}/packet?for=all`)).html.includes(RUN_PLAN.codeWord),
    'the plan stored',
    5000,
    REQUEST_POLL_MS,
  );
  plan.destroy();
  (await writeLetter(ana, boardId, 'impact', ANA_LETTER)).destroy();
  (await writeLetter(ana, boardId, 'bottomLine', ANA_BOTTOM)).destroy();
  await expectStatus(ana, 'POST', `/api/boards/${boardId}/attempts/1/reviews`, { letter: 'impact' }, 200);
  (await writeLetter(ben, boardId, 'impact', BEN_SECRET)).destroy();
  await expectStatus(
    ben,
    'POST',
    `/api/boards/${boardId}/attempts/1/questions`,
    { question: 'Can I bring my dog?' },
    201,
  );
});

after(async () => {
  await server.dispose();
});

describe('the interventionist’s overview', () => {
  test('every board they guide, with what waits on it, and one queue across them', async () => {
    const { html } = await page(lead, '/');
    const overview = between(html, 'data-testid="guide-overview"', '>Your boards</h2>');
    assert.ok(overview.includes('Helping Sam'));
    assert.ok(overview.includes('Helping Alex'));
    assert.ok(!overview.includes('Ana guides this one'), 'a board where they are a relative is not theirs to guide');
    const queue = between(overview, 'data-testid="queue"', '</ol>');
    assert.ok(queue.includes('Review Ana’s impact letter'));
    assert.ok(queue.includes('Answer Ben’s question'));
    assert.ok(queue.indexOf('Answer Ben’s question') > queue.indexOf('Review Ana’s impact letter'), 'oldest first');
    const sam = between(overview, 'Helping Sam</a></h3>', 'data-testid="guided-board"');
    assert.match(sam, /data-testid="board-letters">1</);
    assert.match(sam, /data-testid="board-questions">1</);
    assert.match(sam, /data-testid="board-stage">Planning</);
    assert.match(sam, /Intervention 2026-12-19 at 10:00|None set/);
    assert.ok(sam.includes('The essential roles are filled'), 'the readiness gaps are listed');
    // Those who guide no board see their boards, not an overview; Ana guides one of her own.
    assert.ok(!(await page(ben, '/')).html.includes('data-testid="guide-overview"'));
    const anas = between((await page(ana, '/')).html, 'data-testid="guide-overview"', '>Your boards</h2>');
    assert.ok(anas.includes('Ana guides this one') && !anas.includes('Helping Sam'));
  });

  test('a rehearsal held, a run under way, and an outcome move each board on', async () => {
    const run = `/api/boards/${boardId}/attempts/1/run`;
    await expectStatus(lead, 'POST', run, { type: 'start', rehearsal: true }, 200);
    let overview = between((await page(lead, '/')).html, 'data-testid="guide-overview"', '>Your boards</h2>');
    assert.ok(overview.includes('A rehearsal is under way'));
    await expectStatus(lead, 'POST', run, { type: 'end' }, 200);
    overview = between((await page(lead, '/')).html, 'data-testid="guide-overview"', '>Your boards</h2>');
    assert.match(overview, /data-testid="board-stage">Rehearsed</);
    await expectStatus(lead, 'POST', run, { type: 'start', rehearsal: false }, 200);
    const state = await lead.json<{ run: { state: { seq: number } } }>('GET', run);
    await expectStatus(lead, 'POST', run, { type: 'outcome', outcome: 'accepted', seq: state.body.run.state.seq }, 200);
    overview = between((await page(lead, '/')).html, 'data-testid="guide-overview"', '>Your boards</h2>');
    assert.match(overview, /data-testid="board-stage">Outcome recorded: accepted treatment</);
    await expectStatus(lead, 'POST', run, { type: 'end' }, 200);
  });
});

describe('packets', () => {
  test('a relative’s own packet: their part, their letters, their bottom lines, what they do; nobody else’s letters', async () => {
    const { status, html } = await page(ana, `/boards/${boardId}/packet`);
    assert.equal(status, 200);
    for (const expected of [
      'Ana’s packet',
      'You read 1st of 3.',
      'Seat: the green chair',
      'You also read Aunt May’s letter for them.',
      ANA_LETTER,
      ANA_BOTTOM,
      RUN_PLAN.bottomLine,
      RUN_PLAN.codeWord,
      RUN_PLAN.driver,
      RUN_PLAN.clinic,
      'You act',
    ]) {
      assert.ok(html.includes(expected), `Ana’s packet says ${expected}`);
    }
    assert.ok(!html.includes(BEN_SECRET), 'Ben’s unshared letter is not in Ana’s packet');
  });

  test('only the interventionist prints others’ packets; each holds its own person’s letters only', async () => {
    for (const path of ['?for=all', `?for=${ben.userId}`]) {
      const refused = await page(ana, `/boards/${boardId}/packet${path}`);
      assert.ok(refused.html.includes('Only the interventionist prints other people’s packets'));
      assert.ok(!refused.html.includes(BEN_SECRET));
    }
    const all = await page(lead, `/boards/${boardId}/packet?for=all`);
    const anaPacket = between(all.html, 'Ana’s packet', 'Ben’s packet');
    const benPacket = between(all.html, 'Ben’s packet', '</article>');
    assert.ok(anaPacket.includes(ANA_LETTER) && !anaPacket.includes(BEN_SECRET));
    assert.ok(benPacket.includes(BEN_SECRET) && !benPacket.includes(ANA_LETTER));
    assert.ok(!all.html.includes('Vic’s packet'), 'a viewer takes no part');
    assert.equal((await page(lead, `/boards/${boardId}/packet?for=${'x'.repeat(22)}`)).status, 404);
    assert.equal((await page(lead, `/boards/${boardId}/packet?for=${vic.userId}`)).status, 404);
  });

  test('a viewer’s packet has the plan and no letters; an outsider finds no board', async () => {
    const { html } = await page(vic, `/boards/${boardId}/packet`);
    assert.ok(html.includes(RUN_PLAN.codeWord));
    assert.ok(!html.includes('Your letters'));
    assert.ok(!html.includes(ANA_LETTER) && !html.includes(BEN_SECRET));
    const stranger = await person(server.url, 'Stan');
    assert.equal((await page(stranger, `/boards/${boardId}/packet`)).status, 404);
    assert.equal((await page(stranger, `/boards/${boardId}/run`)).status, 404);
  });
});
