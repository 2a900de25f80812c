/**
 * Letters, their reviews and their history against the real server: who sees which part of a
 * letters document's past, who sees its review, what may be reviewed, and which letters
 * documents exist at all.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type BetterSqlite3 from 'better-sqlite3';
import type * as Y from 'yjs';
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
  waitForHttp,
} from '../helpers/board';
import { bytesOf } from '../helpers/bytes';
import { syncUpdate } from '../helpers/frames';
import { RawYjsSocket } from '../helpers/sockets';
import { openStore, storedDocNames } from '../helpers/stored-docs';
import { writeParagraph } from '../helpers/tiptap-fragments';
import { type RunningServer, startServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

let server: RunningServer;
let store: BetterSqlite3.Database | null = null;
const channels: BoardChannelClient[] = [];
before(async () => {
  server = await startServer();
});
after(async () => {
  for (const channel of channels) channel.close();
  store?.close();
  await server?.dispose();
});

const hex = (): string => randomBytes(6).toString('hex');
const q = encodeURIComponent;

/**
 * A writer on a letters document over a raw socket, with a local copy to edit. Every edit is
 * sent as an update; `stored()` is a round trip, after which the server has logged them.
 */
async function letterWriter(who: TestClient, docName: string) {
  const socket = await RawYjsSocket.connect(server.url, docName, who.cookieHeader(), `${who.name} writes`);
  await socket.roundtrip();
  const doc = socket.learnedDoc();
  doc.on('update', (update: Uint8Array) => socket.send(syncUpdate(update)));
  return {
    /** Replaces one letter's text, in one update. */
    async write(field: 'impact' | 'bottomLine', text: string): Promise<void> {
      replaceLetter(doc, field, text);
      await socket.roundtrip();
    },
    async close(): Promise<void> {
      doc.destroy();
      socket.close();
      await socket.closed;
    },
  };
}

function replaceLetter(doc: Y.Doc, field: 'impact' | 'bottomLine', text: string): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(field);
    fragment.delete(0, fragment.length);
    if (text) writeParagraph(doc, field, text);
  });
}

interface Moment {
  seq: number;
  at: number;
}
interface TimelineBody {
  from: Moment | null;
  entries: Array<{ seq: number }>;
}
interface ChangesBody {
  from: Moment | null;
  changes: Array<{ seq: number }>;
}
interface StateBody {
  seq: number;
  state: { impact: string; bottomLine: string };
}

describe('the history of shared letters', () => {
  test('a reader sees shared letters from the moment they were (last) shared: no earlier state, entry or base', async () => {
    const lead = await person(server.url, 'Lead');
    const board = await createBoard(lead);
    const ana = await joinAs(lead, board, 'family', 'Ana');
    const ben = await joinAs(lead, board, 'family', 'Ben');
    const vic = await joinAs(lead, board, 'viewer', 'Vic');
    const doc = lettersDoc(board, ana.userId);
    const history = (path: string) => `/api/boards/${board}/history${path}doc=${q(doc)}`;
    const share = (shared: boolean) =>
      expectStatus(ana, 'PUT', `/api/boards/${board}/attempts/1/letters/share`, { shared }, 200);

    // Ana drafts something she deletes before sharing: seq 1 holds the draft, seq 2 replaces it.
    const draft = `DRAFT-${hex()}`;
    let writer = await letterWriter(ana, doc);
    await writer.write('impact', `Sam, ${draft}`);
    await writer.write('impact', 'Sam, we love you.');

    // The writer and the interventionist see every state, from the first.
    for (const who of [ana, lead]) {
      const timeline = await who.json<TimelineBody>('GET', history('/timeline?'));
      assert.equal(timeline.status, 200);
      assert.deepEqual(
        timeline.body.entries.map((e) => e.seq),
        [1, 2],
      );
      const first = await who.json<StateBody>('GET', history('/state?seq=1&'));
      assert.ok(first.body.state.impact.includes(draft), `${who.name} reads the draft`);
    }

    await share(true);
    const sharedText = 'Sam, we love you.';
    const readers = [ben, vic];
    const expectWindow = async (fromSeq: number, listed: number[], refused: number[]) => {
      for (const who of readers) {
        for (const seq of refused) {
          const earlier = await who.json('GET', history(`/state?seq=${seq}&`));
          assert.equal(earlier.status, 404, `${who.name} cannot read seq ${seq}, before the share`);
          assert.equal(JSON.stringify(earlier.body).includes(draft), false);
        }
        assert.equal((await who.json('GET', history('/state?at=0&'))).status, 404, 'nor the start by time');
        const atShare = await who.json<StateBody>('GET', history(`/state?seq=${fromSeq}&`));
        assert.equal(atShare.status, 200, `${who.name} reads the letters as they were shared`);
        for (const afterSeq of ['', 'afterSeq=0&']) {
          const timeline = await who.json<TimelineBody>('GET', history(`/timeline?${afterSeq}`));
          assert.equal(timeline.status, 200, `${who.name} reads the timeline`);
          assert.deepEqual(
            timeline.body.entries.map((e) => e.seq),
            listed,
            `${who.name}'s timeline lists only changes after the share`,
          );
          assert.equal(timeline.body.from?.seq, fromSeq, `${who.name}'s history starts at the share`);
          const changes = await who.json<ChangesBody>('GET', history(`?${afterSeq}`));
          assert.deepEqual(
            changes.body.changes.map((e) => e.seq),
            listed,
          );
          assert.equal(changes.body.from?.seq, fromSeq);
        }
      }
    };
    await expectWindow(2, [], [0, 1]);
    const atShare = await ben.json<StateBody>('GET', history('/state?seq=2&'));
    assert.equal(atShare.body.state.impact, sharedText);

    // What Ana writes while they are shared is history the team sees; the live document never
    // carries the deleted draft either.
    await writer.write('impact', 'Sam, we love you. Please come with us.');
    await expectWindow(2, [3], [0, 1]);
    const live = await RawYjsSocket.connect(server.url, doc, ben.cookieHeader(), 'Ben reads live');
    await live.roundtrip();
    assert.equal(live.receivedContains(bytesOf(draft)), false, 'the live document holds no deleted draft');
    live.close();
    await live.closed;

    // Taken back, rewritten in private, shared again: the history starts again at the new share.
    await share(false);
    const aside = `ASIDE-${hex()}`;
    await writer.write('impact', `Sam, ${aside}`);
    await writer.write('impact', 'Sam, come home.');
    await writer.close();
    await share(true);
    await expectWindow(5, [], [0, 1, 2, 3, 4]);
    writer = await letterWriter(ana, doc);
    await writer.write('impact', 'Sam, come home. We are here.');
    await writer.close();
    await expectWindow(5, [6], [0, 1, 2, 3, 4]);
    for (const who of readers) {
      for (const path of ['/timeline?', '?', '/state?seq=6&', '/state?seq=5&']) {
        const text = JSON.stringify((await who.json('GET', history(path))).body);
        assert.equal(text.includes(draft) || text.includes(aside), false, `${path}: nothing private`);
      }
      await expectStatus(who, 'GET', `/api/boards/${board}/export`, undefined, 403);
    }
    // The writer and the interventionist still see it all.
    for (const who of [ana, lead]) {
      const whole = await who.json<TimelineBody>('GET', history('/timeline?'));
      assert.deepEqual(
        whole.body.entries.map((e) => e.seq),
        [1, 2, 3, 4, 5, 6],
      );
      assert.equal(whole.body.from, null, `${who.name} sees the whole history`);
    }
  });
});

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
    store = openStore(server.dataDir);
    const stored = new Set(storedDocNames(store));
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

describe('what a reader of shared letters is sent when nobody has them open', () => {
  test('after a crash left updates past the last checkpoint, a draft deleted before the sharing is not among them', async () => {
    const lead = await person(server.url, 'Lead');
    const board = await createBoard(lead);
    const ana = await joinAs(lead, board, 'family', 'Ana');
    const ben = await joinAs(lead, board, 'family', 'Ben');
    const doc = lettersDoc(board, ana.userId);
    const draft = `DRAFT-${hex()}`;
    // Ana's socket is still open when the server dies: the sync process never checkpoints.
    const writer = await letterWriter(ana, doc);
    await writer.write('impact', `Sam, ${draft}`);
    await writer.write('impact', 'Sam, we love you.');
    await server.crash();
    await writer.close();
    await server.restart();
    await waitForHttp(server.url);

    await expectStatus(ana, 'PUT', `/api/boards/${board}/attempts/1/letters/share`, { shared: true }, 200);
    const reader = await RawYjsSocket.connect(server.url, doc, ben.cookieHeader(), 'Ben opens them first');
    await reader.roundtrip();
    const learned = reader.learnedDoc();
    assert.equal(learned.getXmlFragment('impact').toString().includes('we love you'), true, 'Ben reads the letter');
    learned.destroy();
    assert.equal(reader.receivedContains(bytesOf(draft)), false, 'the deleted draft never reaches Ben');
    reader.close();
    await reader.closed;
  });
});
