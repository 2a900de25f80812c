import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../lib/roles';
import type { TestClient } from '../helpers/client';
import { type BoardChannelClient, createBoard, joinAs, openChannel, person } from '../helpers/board';
import { writeLetter } from '../helpers/letters';
import { openDoc } from '../helpers/providers';
import { writeParagraph } from '../helpers/tiptap-fragments';
import { REQUEST_POLL_MS, sleep, waitFor } from '../helpers/wait';
import { type RunningServer, startServer } from '../helpers/server';

let server: RunningServer;
let lead: TestClient;
let ana: TestClient;
let ben: TestClient;
let viewer: TestClient;
let boardId: string;

const join = (role: Role, label: string) => joinAs(lead, boardId, role, label);

before(async () => {
  server = await startServer();
  lead = await person(server.url, 'Lead');
  boardId = await createBoard(lead);
  ana = await join('family', 'Ana');
  ben = await join('family', 'Ben');
  viewer = await join('viewer', 'Vic');
});
after(async () => {
  await server.dispose();
});

interface Review {
  ownerId: string;
  letter: string;
  status: string;
  comment: string;
  changedSinceApproval: boolean;
}

describe('letter review', () => {
  test('submit, approve, then an edit shows "changed since approval"; only interventionists review', async () => {
    // A blank letter cannot be submitted: writeLetter waits until the server has stored the text.
    const letters = await writeLetter(ana, boardId, 'impact', 'Sam, I love you. On March 3rd I was afraid.');
    const reviewsPath = `/api/boards/${boardId}/attempts/1/reviews`;
    assert.equal((await ana.json('POST', reviewsPath, { letter: 'impact' })).status, 200);
    assert.equal((await viewer.json('POST', reviewsPath, { letter: 'impact' })).status, 403);
    assert.equal((await ana.json('POST', reviewsPath, { letter: 'poem' })).status, 400);

    const seenByLead = await lead.json<{ reviews: Review[] }>('GET', reviewsPath);
    assert.deepEqual(
      seenByLead.body.reviews.map((r) => [r.ownerId, r.status]),
      [[ana.userId, 'submitted']],
    );
    // Ben may not read Ana's unshared letters, so he does not see their review either.
    assert.deepEqual((await ben.json<{ reviews: Review[] }>('GET', reviewsPath)).body.reviews, []);

    const review = `${reviewsPath}/${ana.userId}`;
    assert.equal((await ben.json('PUT', review, { letter: 'impact', decision: 'approved' })).status, 403);
    assert.equal((await lead.json('PUT', review, { letter: 'impact', decision: 'maybe' })).status, 400);
    assert.equal(
      (await lead.json('PUT', `${reviewsPath}/${viewer.userId}`, { letter: 'impact', decision: 'approved' })).status,
      404,
    );
    assert.equal(
      (
        await lead.json('PUT', review, {
          letter: 'impact',
          decision: 'changes-requested',
          comment: 'Add one specific moment.',
        })
      ).status,
      200,
    );
    let mine = await ana.json<{ reviews: Review[] }>('GET', reviewsPath);
    assert.deepEqual(
      mine.body.reviews.map((r) => [r.status, r.comment]),
      [['changes-requested', 'Add one specific moment.']],
    );

    // Changes were asked for: approval waits until Ana submits the letter again. Approval is
    // taken against what the server has stored at that moment.
    assert.equal((await lead.json('PUT', review, { letter: 'impact', decision: 'approved' })).status, 409);
    assert.equal((await ana.json('POST', reviewsPath, { letter: 'impact' })).status, 200);
    assert.equal((await lead.json('PUT', review, { letter: 'impact', decision: 'approved' })).status, 200);
    const approved = await ana.json<{ reviews: Review[] }>('GET', reviewsPath);
    assert.equal(approved.body.reviews[0]?.status, 'approved');
    assert.equal(approved.body.reviews[0]?.changedSinceApproval, false);
    writeParagraph(letters.doc, 'impact', 'Please accept help today.');
    await waitFor(
      async () => {
        mine = await ana.json<{ reviews: Review[] }>('GET', reviewsPath);
        return mine.body.reviews[0]?.changedSinceApproval === true;
      },
      'changed since approval',
      5000,
      REQUEST_POLL_MS,
    );
    letters.destroy();
  });

  test('a letter sent for review tells the interventionists, from the server: who sent one, never what it says', async () => {
    const channels: BoardChannelClient[] = [];
    const channelOf = async (who: TestClient) => {
      const channel = await openChannel(server.url, who.cookieHeader());
      channels.push(channel);
      assert.equal((await channel.join(boardId)).ok, true);
      return channel;
    };
    try {
      const [leadChannel, anaChannel, benChannel] = [await channelOf(lead), await channelOf(ana), await channelOf(ben)];
      const words = 'Ben writes: I will no longer lend you the car.';
      const letters = await writeLetter(ben, boardId, 'bottomLine', words);
      letters.destroy();
      // A browser cannot announce one itself: a forged event tells no one (the join is a round trip).
      benChannel.socket.emit('notify', { boardId, kind: 'letter-submitted', from: 'Ben' });
      assert.equal((await benChannel.join(boardId)).ok, true);
      assert.equal(
        (await ben.json('POST', `/api/boards/${boardId}/attempts/1/reviews`, { letter: 'bottomLine' })).status,
        200,
      );
      const notices = (channel: BoardChannelClient) => channel.named('notify').map((event) => event.payload);
      await waitFor(() => notices(leadChannel).length > 0, 'the interventionist is told');
      assert.deepEqual(notices(leadChannel), [{ boardId, kind: 'letter-submitted', from: 'Ben' }]);
      // A round trip on each other socket: anything sent with the notice has arrived by its answer.
      for (const channel of [anaChannel, benChannel]) assert.equal((await channel.join(boardId)).ok, true);
      assert.equal(JSON.stringify(leadChannel.events).includes('lend you the car'), false);
      assert.deepEqual(notices(anaChannel), [], 'another relative is not told');
      assert.deepEqual(notices(benChannel), [], 'the writer is not told of their own letter');
    } finally {
      for (const channel of channels) channel.close();
    }
  });
});

interface Readiness {
  userId: string;
  attending: string | null;
  holding: string | null;
  decision: string | null;
}

describe('readiness and attendance', () => {
  test('participants confirm; the interventionist sees everyone, family only themselves', async () => {
    const path = `/api/boards/${boardId}/attempts/1/readiness`;
    assert.equal(
      (await ana.json('PUT', path, { attending: 'yes', holding: 'unsure', note: 'Worried about the money line' }))
        .status,
      200,
    );
    assert.equal((await viewer.json('PUT', path, { attending: 'yes', holding: 'yes' })).status, 403);
    assert.equal((await ana.json('PUT', path, { attending: 'perhaps', holding: 'yes' })).status, 400);
    const all = await lead.json<{ readiness: Readiness[] }>('GET', path);
    const byUser = new Map(all.body.readiness.map((r) => [r.userId, r]));
    assert.equal(byUser.get(ana.userId)?.holding, 'unsure');
    assert.equal(byUser.get(ben.userId)?.attending, null, 'Ben has not confirmed');
    assert.equal(byUser.has(viewer.userId), false, 'viewers do not take part');
    const bens = await ben.json<{ readiness: Readiness[] }>('GET', path);
    assert.equal(
      bens.body.readiness.find((r) => r.userId === ana.userId)?.holding,
      null,
      "Ben never sees Ana's wavering",
    );
  });

  test('only the interventionist decides attendance; the team sees the decision', async () => {
    const path = `/api/boards/${boardId}/attempts/1/attendance/${ben.userId}`;
    assert.equal((await ana.json('PUT', path, { decision: 'home' })).status, 403);
    assert.equal((await lead.json('PUT', path, { decision: 'sometimes' })).status, 400);
    assert.equal(
      (await lead.json('PUT', `/api/boards/${boardId}/attempts/1/attendance/${viewer.userId}`, { decision: 'home' }))
        .status,
      404,
    );
    assert.equal((await lead.json('PUT', path, { decision: 'letter-read' })).status, 200);
    const seen = await ana.json<{ readiness: Readiness[] }>('GET', `/api/boards/${boardId}/attempts/1/readiness`);
    assert.equal(seen.body.readiness.find((r) => r.userId === ben.userId)?.decision, 'letter-read');
  });
});

describe('freezing', () => {
  test('only the interventionist freezes; a frozen attempt refuses changes and writes', async () => {
    const freeze = `/api/boards/${boardId}/attempts/1/freeze`;
    assert.equal((await ana.json('PUT', freeze, { frozen: true })).status, 403);
    assert.equal((await lead.json('PUT', freeze, { frozen: 'yes' })).status, 400);
    const plan = await openDoc(ana, `board/${boardId}/attempt/1`);
    plan.doc.getText('approach.goals').insert(0, 'before freeze. ');
    await waitFor(
      async () => {
        const state = await lead.json<{ state: { approach: { goals: string } } }>(
          'GET',
          `/api/boards/${boardId}/history/state?doc=${encodeURIComponent(`board/${boardId}/attempt/1`)}&seq=999999`,
        );
        return state.body.state.approach.goals.includes('before freeze');
      },
      'edit stored',
      5000,
      REQUEST_POLL_MS,
    );
    assert.equal((await lead.json('PUT', freeze, { frozen: true })).status, 200);
    assert.equal(
      (await ana.json('PUT', `/api/boards/${boardId}/attempts/1/readiness`, { attending: 'yes', holding: 'yes' }))
        .status,
      409,
    );
    // After the freeze the socket comes back read-only: an edit is not stored.
    await sleep(600);
    plan.doc.getText('approach.goals').insert(0, 'after freeze. ');
    await sleep(800);
    const state = await lead.json<{ state: { approach: { goals: string } } }>(
      'GET',
      `/api/boards/${boardId}/history/state?doc=${encodeURIComponent(`board/${boardId}/attempt/1`)}&seq=999999`,
    );
    assert.ok(!state.body.state.approach.goals.includes('after freeze'), 'a write to a frozen plan is refused');
    plan.destroy();
    assert.equal((await lead.json('PUT', freeze, { frozen: false })).status, 200);
  });
});
