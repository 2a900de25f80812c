/**
 * Run mode on the day (docs/realtime.md, section 13) against the real server: the interventionist
 * leads over HTTP, every member's board channel follows within a second, signals reach only the
 * team (and a request to step out only the interventionists), each phone's sheet holds only the
 * letters that person may read, and what happens lands in the debrief document, through the sync
 * server, as it happens. A rehearsal records no outcome.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunMessage, RunView } from '../../lib/run/types';
import type { RunSheet } from '../../server/run/sheet';
import { type BoardChannelClient, debriefDoc, expectStatus, openChannel, planDoc } from '../helpers/board';
import { teamScene } from '../helpers/team';
import type { TestClient } from '../helpers/client';
import { writeLetter } from '../helpers/letters';
import { openDoc, type ProviderClient } from '../helpers/providers';
import { RUN_PLAN, writeRunPlan } from '../helpers/run-plan';
import { type RunningServer, startServer } from '../helpers/server';
import { writeParagraph } from '../helpers/tiptap-fragments';
import { REQUEST_POLL_MS, sleep, waitFor } from '../helpers/wait';

let server: RunningServer;
let lead: TestClient;
let ana: TestClient;
let ben: TestClient;
let vic: TestClient;
let stranger: TestClient;
let boardId: string;
const channels = new Map<string, BoardChannelClient>();

const ANA_APPROVED = 'Ana remembers the summer at the lake, and asks you to accept help today.';
const ANA_LATER = 'A sentence Ana added after the approval.';
const BEN_PRIVATE = 'Ben wrote this and shared it with nobody.';

const runPath = (attempt = 1) => `/api/boards/${boardId}/attempts/${attempt}/run`;

interface RunAnswer {
  run: RunView | null;
  now: number;
}

async function move(who: TestClient, action: Record<string, unknown>, status = 200): Promise<RunAnswer> {
  const res = await who.json<RunAnswer>('POST', runPath(), action);
  assert.equal(res.status, status, `${who.name} ${JSON.stringify(action)}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function runOf(who: TestClient): Promise<RunView | null> {
  const res = await who.json<RunAnswer>('GET', runPath());
  assert.equal(res.status, 200);
  return res.body.run;
}

async function seqOf(): Promise<number> {
  return (await runOf(lead))?.state.seq ?? 0;
}

function runMessages(who: TestClient): RunMessage[] {
  return (channels.get(who.userId)?.named('run') ?? []).map((e) => e.payload as RunMessage);
}

/** Waits until `who` has been sent a run message matching `check`, within `ms`. */
async function received(who: TestClient, check: (m: RunMessage) => boolean, label: string, ms = 1000): Promise<void> {
  await waitFor(() => runMessages(who).some(check), `${who.name}: ${label}`, ms);
}

before(async () => {
  server = await startServer();
  ({ lead, boardId, ana, ben, vic, stranger } = await teamScene(server.url));
  const plan = await openDoc(lead, planDoc(boardId));
  writeRunPlan(plan.doc, [
    { name: 'Ana', memberId: ana.userId, roles: ['chair', 'follower'], seat: 'by the window' },
    { name: 'Ben', memberId: ben.userId, roles: ['closer', 'safety-lead'], seat: 'by the door' },
    { name: 'Aunt May', memberId: '', roles: [], attendance: 'letter-read', readBy: 'Ben' },
    { name: 'Cousin Sol', memberId: '', roles: [], attendance: 'home' },
  ]);
  await waitFor(
    async () => (await lead.json<{ sheet: RunSheet }>('GET', `${runPath()}/sheet`)).body.sheet?.order.length === 3,
    'the plan stored',
    5000,
    REQUEST_POLL_MS,
  );
  plan.destroy();
  // Ana's impact letter, approved, then edited; shared with the team. Ben's stays his.
  const anaLetters = await writeLetter(ana, boardId, 'impact', ANA_APPROVED);
  await expectStatus(ana, 'POST', `/api/boards/${boardId}/attempts/1/reviews`, { letter: 'impact' }, 200);
  await expectStatus(
    lead,
    'PUT',
    `/api/boards/${boardId}/attempts/1/reviews/${ana.userId}`,
    { letter: 'impact', decision: 'approved' },
    200,
  );
  writeParagraph(anaLetters.doc, 'impact', ANA_LATER);
  const anaDoc = encodeURIComponent(`board/${boardId}/letters/1/${ana.userId}`);
  await waitFor(
    async () =>
      (
        await ana.json<{ state?: { impact: string } }>(
          'GET',
          `/api/boards/${boardId}/history/state?doc=${anaDoc}&seq=${Number.MAX_SAFE_INTEGER}`,
        )
      ).body.state?.impact.includes(ANA_LATER) === true,
    'Ana’s edit after the approval stored',
    5000,
    REQUEST_POLL_MS,
  );
  anaLetters.destroy();
  await expectStatus(ana, 'PUT', `/api/boards/${boardId}/attempts/1/letters/share`, { shared: true }, 200);
  (await writeLetter(ben, boardId, 'impact', BEN_PRIVATE)).destroy();
  for (const who of [lead, ana, ben, vic]) {
    const channel = await openChannel(server.url, who.cookieHeader());
    assert.equal((await channel.join(boardId)).ok, true);
    channels.set(who.userId, channel);
  }
});

after(async () => {
  for (const channel of channels.values()) channel.close();
  await server.dispose();
});

describe('who may do what', () => {
  test('only the interventionist leads; outsiders find nothing; bad moves change nothing', async () => {
    await move(ana, { type: 'start', rehearsal: false }, 403);
    await move(vic, { type: 'start', rehearsal: true }, 403);
    await move(stranger, { type: 'start', rehearsal: false }, 404);
    assert.equal((await stranger.json('GET', runPath())).status, 404);
    assert.equal((await stranger.json('GET', `${runPath()}/sheet`)).status, 404);
    const anonymous = await fetch(`${server.url}${runPath()}`);
    assert.equal(anonymous.status, 401);
    // Malformed or over-specified bodies: a clear 400, nothing started.
    for (const body of [
      { type: 'next' },
      { type: 'start', rehearsal: 'yes' },
      { type: 'start', rehearsal: false, startedBy: ana.userId },
      { type: 'speaker', itemId: '../../x', seq: 0 },
      { type: 'signal', signal: 'panic' },
      { type: 'outcome', outcome: 'maybe', seq: 0 },
      { type: 'launch' },
    ]) {
      const res = await lead.json<{ error: { code: string } }>('POST', runPath(), body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'invalid_request');
    }
    const notJson = await lead.request('POST', runPath(), 'start', { 'content-type': 'text/plain' });
    assert.equal(notJson.status, 415);
    assert.equal((await lead.json('POST', '/api/boards/x/attempts/1/run', { type: 'end' })).status, 404);
    assert.equal((await lead.json('POST', `/api/boards/${boardId}/attempts/7/run`, { type: 'end' })).status, 404);
    // Nothing is under way to move, and a relative cannot step out of nothing.
    await move(lead, { type: 'next', seq: 0 }, 409);
    await move(ana, { type: 'step-out' }, 409);
    await move(ben, { type: 'signal', signal: 'pause' }, 403);
    assert.equal(await runOf(lead), null);
    assert.equal(runMessages(ana).length, 0);
  });
});

describe('a rehearsal', () => {
  test('readers practise in order with their times; nothing is recorded as the outcome', async () => {
    const started = await move(lead, { type: 'start', rehearsal: true, timeZone: 'Europe/Berlin' });
    assert.equal(started.run?.state.rehearsal, true);
    await move(lead, { type: 'start', rehearsal: false }, 409);
    let seq = started.run?.state.seq ?? 0;
    for (const expected of ['Ana', 'Ben', 'Aunt May']) {
      const next = await move(lead, { type: 'next', seq });
      assert.equal(next.run?.state.speaker?.name, expected);
      seq = next.run?.state.seq ?? 0;
    }
    const done = await move(lead, { type: 'next', seq });
    assert.equal(done.run?.state.speaker, null);
    assert.deepEqual(
      done.run?.state.spoken.map((s) => s.name),
      ['Ana', 'Ben', 'Aunt May'],
    );
    await move(lead, { type: 'outcome', outcome: 'accepted', seq: done.run?.state.seq }, 409);
    const practice = await move(lead, { type: 'bottom-lines', seq: done.run?.state.seq });
    assert.equal(practice.run?.state.phase, 'bottom-lines');
    assert.equal(practice.run?.state.speaker?.name, 'Ana');
    await move(lead, { type: 'end' });
    const debrief = await lead.json<{ debrief: { outcome: string; details: string } }>(
      'GET',
      `/api/boards/${boardId}/attempts/1/debrief`,
    );
    assert.equal(debrief.body.debrief.outcome, '');
    assert.equal(debrief.body.debrief.details, '');
  });
});

describe('the day itself', () => {
  let watcher: ProviderClient;
  before(async () => {
    // Someone has the debrief open while it happens: the server's entries reach them live.
    watcher = await openDoc(ben, debriefDoc(boardId));
    for (const channel of channels.values()) channel.events.length = 0;
  });
  after(() => watcher.destroy());

  test('every member’s channel follows the speaker within a second; a stale move is refused', async () => {
    const started = await move(lead, { type: 'start', rehearsal: false, timeZone: 'Europe/Berlin' });
    const runId = started.run?.state.runId ?? '';
    const firstSeq = started.run?.state.seq ?? 0;
    const sent = Date.now();
    const next = await move(lead, { type: 'next', seq: firstSeq });
    for (const who of [lead, ana, ben, vic]) {
      await received(
        who,
        (m) => m.kind === 'state' && m.state.runId === runId && m.state.speaker?.name === 'Ana',
        'Ana reads',
        1000,
      );
    }
    assert.ok(Date.now() - sent < 1000);
    // Two interventionists pressing "next" on the same state: the second is refused.
    await move(lead, { type: 'next', seq: firstSeq }, 409);
    await move(lead, { type: 'speaker', itemId: 'not-on-the-order', seq: next.run?.state.seq }, 400);
    assert.equal((await runOf(vic))?.state.speaker?.name, 'Ana');
  });

  test('a playbook opened reaches everyone, naming who acts', async () => {
    const opened = await move(lead, { type: 'contingency', itemId: 'preset-leaves' });
    assert.deepEqual(opened.run?.state.contingency?.actors, [ana.userId]);
    for (const who of [ana, ben, vic]) {
      await received(who, (m) => m.kind === 'state' && m.state.contingency?.itemId === 'preset-leaves', 'playbook');
    }
    await move(lead, { type: 'contingency', itemId: 'no-such-playbook' }, 400);
    await move(lead, { type: 'contingency', itemId: null });
    await received(vic, (m) => m.kind === 'state' && m.state.contingency === null, 'playbook closed');
  });

  test('signals reach the team and not the viewer; a request to step out reaches the interventionist alone', async () => {
    await move(lead, { type: 'signal', signal: 'left' });
    for (const who of [lead, ana, ben]) {
      await received(
        who,
        (m) => m.kind === 'signal' && m.signal?.signal === 'left' && m.signal.followers.includes(ana.userId),
        'they left: Ana goes',
      );
    }
    assert.deepEqual((await runOf(ben))?.signal?.followerNames, ['Ana']);
    await move(ben, { type: 'step-out' });
    await received(lead, (m) => m.kind === 'step-out' && m.stepOut.userId === ben.userId, 'Ben steps out');
    // Give anything misaddressed time to arrive before checking that it did not.
    await sleep(300);
    assert.equal(runMessages(vic).filter((m) => m.kind !== 'state').length, 0, 'the viewer gets no signal');
    for (const who of [ana, ben, vic]) {
      assert.equal(runMessages(who).filter((m) => m.kind === 'step-out').length, 0, `${who.name} sees no request`);
      assert.deepEqual((await runOf(who))?.stepOuts, []);
    }
    assert.equal((await runOf(vic))?.signal, null);
    assert.deepEqual(
      (await runOf(lead))?.stepOuts.map((s) => s.name),
      ['Ben'],
    );
    await move(lead, { type: 'signal', signal: 'clear' });
    await received(ana, (m) => m.kind === 'signal' && m.signal === null, 'all clear');
  });

  test('each sheet holds only the letters that person may read', async () => {
    const sheetOf = async (who: TestClient) => {
      const res = await who.request('GET', `${runPath()}/sheet`);
      const text = await res.text();
      return { text, sheet: (JSON.parse(text) as { sheet: RunSheet }).sheet };
    };
    const letterOf = (sheet: RunSheet, name: string) => sheet.order.find((s) => s.name === name)?.letters;
    const forAna = await sheetOf(ana);
    assert.equal(letterOf(forAna.sheet, 'Ben'), 'private');
    assert.ok(!forAna.text.includes(BEN_PRIVATE), 'Ben’s unshared letter is not in Ana’s sheet');
    const own = letterOf(forAna.sheet, 'Ana');
    assert.ok(own && own !== 'private');
    assert.equal(own.impact.status, 'approved');
    assert.equal(own.impact.changedSince, true);
    assert.equal(own.impact.text, ANA_APPROVED, 'the approved text, not the later edit');
    const forBen = await sheetOf(ben);
    const shared = letterOf(forBen.sheet, 'Ana');
    assert.ok(shared && shared !== 'private');
    // The review stays between Ana and the interventionist: the team reads the shared text as it is.
    assert.equal(shared.impact.status, 'shared');
    assert.ok(shared.impact.text.includes(ANA_LATER));
    const forVic = await sheetOf(vic);
    assert.equal(letterOf(forVic.sheet, 'Ben'), 'private');
    assert.ok(!forVic.text.includes(BEN_PRIVATE));
    const forLead = await sheetOf(lead);
    assert.ok(forLead.text.includes(BEN_PRIVATE), 'the interventionist reads every letter');
    assert.equal(letterOf(forLead.sheet, 'Aunt May'), null);
    // The page itself is built from the same sheet.
    const page = await (await ana.request('GET', `/boards/${boardId}/run`)).text();
    assert.ok(page.includes(RUN_PLAN.codeWord), 'the safety plan is on the page');
    assert.ok(!page.includes(BEN_PRIVATE), 'Ben’s unshared letter is not on Ana’s page');
  });

  test('the outcome and what happened land in the debrief as they happen', async () => {
    const refused = await move(lead, { type: 'outcome', outcome: 'refused', seq: await seqOf() });
    assert.equal(refused.run?.state.phase, 'bottom-lines');
    assert.equal(refused.run?.state.speaker?.name, 'Ana');
    let seq = refused.run?.state.seq ?? 0;
    for (const expected of ['Ben', 'Aunt May']) {
      const next = await move(lead, { type: 'next', seq });
      assert.equal(next.run?.state.speaker?.name, expected);
      seq = next.run?.state.seq ?? 0;
    }
    const after72 = await move(lead, { type: 'next', seq });
    assert.equal(after72.run?.state.phase, 'after');
    const { body } = await lead.json<{
      debrief: { outcome: string; wentWrong: string[]; details: string };
    }>('GET', `/api/boards/${boardId}/attempts/1/debrief`);
    assert.equal(body.debrief.outcome, 'refused');
    assert.deepEqual([...body.debrief.wentWrong].sort(), ['refused-treatment', 'walked-out']);
    const details = body.debrief.details;
    assert.match(details, /^On the day, as run mode recorded it \(times in Europe\/Berlin\):/);
    assert.match(details, /\d\d:\d\d We began\./);
    assert.match(details, /\d\d:\d\d Ana began reading their letter\./);
    assert.match(details, /Opened the playbook “The loved one leaves”: Ana acted\./);
    assert.match(details, /Signal to the team: They left: Ana goes\./);
    assert.match(details, /Outcome: refused treatment\./);
    assert.match(details, /Ben began reading their bottom-line letter\./);
    assert.match(details, /the first 72 hours began\./);
    assert.ok(!/step out/i.test(details), 'a request to step out stays out of the debrief');
    assert.equal(details.split('We began.').length, 2, 'each moment is written once');
    // Through the sync server, into the open room: the watcher has it live.
    await waitFor(
      () => watcher.doc.getText('debrief.details').toString() === details,
      'the watcher’s debrief has the entries',
      2000,
    );
    // Written as the interventionist's edits, in the debrief's history.
    const history = await lead.json<{ changes: { userId: string }[] }>(
      'GET',
      `/api/boards/${boardId}/history?doc=${encodeURIComponent(debriefDoc(boardId))}`,
    );
    assert.ok(history.body.changes.length > 0);
    assert.ok(history.body.changes.every((change) => change.userId === lead.userId));
    // The team's own words stay; later moments are appended after them.
    watcher.doc.getText('debrief.details').insert(details.length, 'Ben: he cried when Ana read.\n');
    await sleep(200);
    await move(lead, { type: 'end' });
    const ended = await lead.json<{ debrief: { details: string } }>('GET', `/api/boards/${boardId}/attempts/1/debrief`);
    assert.match(ended.body.debrief.details, /Ben: he cried when Ana read\.\n\d\d:\d\d Run mode ended\.\n$/);
    await move(lead, { type: 'next', seq: 0 }, 409);
  });

  test('an earlier attempt is over: run mode follows the latest', async () => {
    await expectStatus(lead, 'POST', `/api/boards/${boardId}/attempts`, {}, 201);
    const res = await lead.json('POST', runPath(1), { type: 'start', rehearsal: true });
    assert.equal(res.status, 409);
    const fresh = await lead.json<RunAnswer>('GET', runPath(2));
    assert.equal(fresh.body.run, null);
  });
});
