/**
 * Letters and their reviews against the real server: who sees a review, what may be reviewed,
 * and which letters documents exist at all.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { CloseCode } from '../../lib/protocol/close-codes';
import type { TestClient } from '../helpers/client';
import {
  addMember,
  type BoardChannelClient,
  createBoard,
  expectStatus,
  joinAs,
  lettersDoc,
  openChannel,
  person,
} from '../helpers/board';
import { letterWriter as writerOn } from '../helpers/letters';
import { RawYjsSocket } from '../helpers/sockets';
import { readStoreOf, type StoreReader } from '../helpers/store-reader';
import { type RunningServer, startServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

let server: RunningServer;
let store: StoreReader | null = null;
const channels: BoardChannelClient[] = [];
before(async () => {
  server = await startServer();
});
after(async () => {
  for (const channel of channels) channel.close();
  await store?.close();
  await server?.dispose();
});

const hex = (): string => randomBytes(6).toString('hex');
const q = encodeURIComponent;

/** A writer on a letters document of this file's server (test/helpers/letters.ts). */
const letterWriter = (who: TestClient, docName: string) => writerOn(server.url, who, docName);

interface Review {
  ownerId: string;
  letter: string;
  status: string;
  comment: string;
}

describe('letter reviews', () => {
  test("the interventionist's comments and review status reach only the writer and the interventionists", async () => {
    const lead = await person(server.url, 'Lead');
    const board = await createBoard(lead);
    const ana = await joinAs(lead, board, 'family', 'Ana');
    const ben = await joinAs(lead, board, 'family', 'Ben');
    const vic = await joinAs(lead, board, 'viewer', 'Vic');
    const reviews = `/api/boards/${board}/attempts/1/reviews`;
    const sharePath = `/api/boards/${board}/attempts/1/letters/share`;

    const writer = await letterWriter(ana, lettersDoc(board, ana.userId));
    await writer.write('impact', 'Sam, I love you. Last spring I was afraid.');
    await writer.close();
    await expectStatus(ana, 'PUT', sharePath, { shared: true }, 200);

    const open = async (who: TestClient) => {
      const channel = await openChannel(server.url, who.cookieHeader());
      channels.push(channel);
      assert.equal((await channel.join(board)).ok, true);
      return channel;
    };
    const anaChannel = await open(ana);
    const leadChannel = await open(lead);
    const benChannel = await open(ben);
    const vicChannel = await open(vic);

    await expectStatus(ana, 'POST', reviews, { letter: 'impact' }, 200);
    const comment = `COMMENT-${hex()}`;
    await expectStatus(
      lead,
      'PUT',
      `${reviews}/${ana.userId}`,
      { letter: 'impact', decision: 'changes-requested', comment },
      200,
    );

    for (const who of [ana, lead]) {
      const seen = await who.json<{ reviews: Review[] }>('GET', reviews);
      assert.deepEqual(
        seen.body.reviews.map((r) => [r.ownerId, r.status, r.comment]),
        [[ana.userId, 'changes-requested', comment]],
        `${who.name} sees the review`,
      );
    }
    for (const who of [ben, vic]) {
      const seen = await who.json<{ reviews: Review[] }>('GET', reviews);
      assert.equal(seen.status, 200);
      assert.deepEqual(seen.body.reviews, [], `${who.name} reads the letters, not their review`);
    }

    const reviewEvents = (channel: BoardChannelClient) =>
      channel
        .named('board:changed')
        .map((e) => e.payload as { topic: string; detail: Record<string, unknown> })
        .filter((p) => p.topic === 'letters' && 'status' in p.detail);
    // The review events carry the attempt, as the board channel's contract says.
    const expected = [
      { ownerId: ana.userId, attempt: 1, letter: 'impact', status: 'submitted' },
      { ownerId: ana.userId, attempt: 1, letter: 'impact', status: 'changes-requested' },
    ];
    for (const channel of [anaChannel, leadChannel]) {
      await waitFor(() => reviewEvents(channel).length === 2, 'the review events');
      assert.deepEqual(
        reviewEvents(channel).map((p) => p.detail),
        expected,
      );
    }
    // A board-wide event sent after them: once it has arrived, anything sent before it has too.
    await expectStatus(ana, 'PUT', sharePath, { shared: true }, 200);
    for (const channel of [benChannel, vicChannel]) {
      await waitFor(
        () => channel.named('board:changed').some((e) => JSON.stringify(e.payload).includes('"shared":true')),
        'the later board-wide event',
      );
      assert.deepEqual(reviewEvents(channel), [], 'no review event reaches a reader');
      assert.equal(JSON.stringify(channel.events).includes(comment), false);
    }
  });

  test('only a current submission with text can be approved or sent back', async () => {
    const lead = await person(server.url, 'Lead');
    const board = await createBoard(lead);
    const ana = await joinAs(lead, board, 'family', 'Ana');
    const reviews = `/api/boards/${board}/attempts/1/reviews`;
    const review = `${reviews}/${ana.userId}`;
    const statusOf = async () =>
      (await ana.json<{ reviews: Review[] }>('GET', reviews)).body.reviews.find((r) => r.letter === 'impact')?.status ??
      null;
    const refused = async (decision: string, why: RegExp) => {
      const res = await lead.json<{ error?: { message?: string }; message?: string }>('PUT', review, {
        letter: 'impact',
        decision,
      });
      assert.equal(res.status, 409, `${decision}: ${JSON.stringify(res.body)}`);
      assert.match(JSON.stringify(res.body), why);
    };

    // Nothing submitted: nothing to review, and nothing changes.
    await refused('approved', /not been submitted/);
    await refused('changes-requested', /not been submitted/);
    assert.equal(await statusOf(), null);

    // A blank letter cannot be submitted.
    const blank = await ana.json('POST', reviews, { letter: 'impact' });
    assert.equal(blank.status, 409, JSON.stringify(blank.body));
    assert.match(JSON.stringify(blank.body), /nothing to submit/i);
    assert.equal(await statusOf(), null);

    const writer = await letterWriter(ana, lettersDoc(board, ana.userId));
    await writer.write('impact', 'Sam, I love you.');
    await expectStatus(ana, 'POST', reviews, { letter: 'impact' }, 200);
    await expectStatus(lead, 'PUT', review, { letter: 'impact', decision: 'changes-requested', comment: 'More.' }, 200);
    // Changes were asked for: the letter is back with its writer until she submits it again.
    await refused('approved', /submits it again/);
    await refused('changes-requested', /submits it again/);
    assert.equal(await statusOf(), 'changes-requested');

    await writer.write('impact', 'Sam, I love you. On your birthday I was scared.');
    await expectStatus(ana, 'POST', reviews, { letter: 'impact' }, 200);
    await expectStatus(lead, 'PUT', review, { letter: 'impact', decision: 'approved' }, 200);
    await refused('approved', /submits it again/);
    assert.equal(await statusOf(), 'approved');

    // Submitted, then emptied: there is no text to review.
    await expectStatus(ana, 'POST', reviews, { letter: 'impact' }, 200);
    await writer.write('impact', '');
    await refused('approved', /empty/);
    assert.equal(await statusOf(), 'submitted');
    await writer.close();
  });
});

describe('letters documents that belong to nobody on the board', () => {
  test('letters named after a viewer, an outsider, nobody, or a member in other letter case do not exist', async () => {
    const lead = await person(server.url, 'Lead');
    const board = await createBoard(lead);
    const ana = await joinAs(lead, board, 'family', 'Ana');
    const vic = await joinAs(lead, board, 'viewer', 'Vic');
    const stan = await person(server.url, 'Stan');
    const swapped = ana.userId.replace(/[A-Za-z]/, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
    assert.notEqual(swapped, ana.userId);
    const names = [vic.userId, stan.userId, `Nobody${hex()}`, swapped].map((id) => lettersDoc(board, id));

    const refuse = async (who: TestClient, name: string) => {
      const outcome = await RawYjsSocket.open(server.url, name, who.cookieHeader(), { label: `${who.name} ${name}` });
      assert.equal(outcome.opened, false, `${who.name} ${name}: the upgrade must be refused`);
      if (!outcome.opened) {
        assert.equal(outcome.status, 404);
        assert.equal(outcome.bodyBytes, 0);
      }
      assert.equal(outcome.socket.totalBytes(), 0);
      for (const path of ['?', '/timeline?', '/state?seq=0&']) {
        const res = await who.json('GET', `/api/boards/${board}/history${path}doc=${q(name)}`);
        assert.equal(res.status, 404, `${who.name} history${path} of ${name}`);
      }
    };
    for (const name of names) {
      await refuse(lead, name);
      await refuse(ana, name);
    }

    // Someone who stops taking part: their letters go with them, for the interventionist too.
    const anaLetters = lettersDoc(board, ana.userId);
    const writer = await letterWriter(ana, anaLetters);
    await writer.write('impact', 'Sam, I love you.');
    await writer.close();
    const open = await RawYjsSocket.connect(server.url, anaLetters, lead.cookieHeader(), 'Lead on Ana’s letters');
    await expectStatus(lead, 'PATCH', `/api/boards/${board}/members/${ana.userId}`, { role: 'viewer' }, 200);
    await waitFor(() => open.isClosed, 'the interventionist’s socket on those letters closes');
    assert.equal(open.closeInfo?.code, CloseCode.AccessRevoked);
    await refuse(lead, anaLetters);

    // Nothing was stored under any of those names; when Stan joins, his letters start empty.
    store = readStoreOf(server);
    const stored = new Set(await store.docNames());
    for (const name of names) assert.equal(stored.has(name), false, `nothing stored as ${name}`);
    await addMember(lead, board, stan, 'family');
    const stanOnBoard = await RawYjsSocket.connect(
      server.url,
      lettersDoc(board, stan.userId),
      lead.cookieHeader(),
      'Stan’s letters',
    );
    await stanOnBoard.roundtrip();
    const learned = stanOnBoard.learnedDoc();
    assert.equal(learned.getXmlFragment('impact').length, 0, 'Stan’s letters start empty');
    learned.destroy();
    stanOnBoard.close();
    await stanOnBoard.closed;
  });
});
