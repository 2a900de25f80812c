/**
 * The history of shared letters against the real server: a reader other than the writer and the
 * interventionists sees a letters document's past only from the moment it was (last) shared, by
 * every route, and is never sent a pre-share draft, not even from the raw log after a crash.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { TestClient } from '../helpers/client';
import { createBoard, expectStatus, joinAs, lettersDoc, person, waitForHttp } from '../helpers/board';
import { bytesOf } from '../helpers/bytes';
import { letterWriter as writerOn } from '../helpers/letters';
import { RawYjsSocket } from '../helpers/sockets';
import { type RunningServer, startServer } from '../helpers/server';

let server: RunningServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.dispose();
});

const hex = (): string => randomBytes(6).toString('hex');
const q = encodeURIComponent;

/** A writer on a letters document of this file's server (test/helpers/letters.ts). */
const letterWriter = (who: TestClient, docName: string) => writerOn(server.url, who, docName);

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
      // The export serves each member what they may read, and no more of the past than history.
      const exported = await who.json('GET', `/api/boards/${board}/export`);
      assert.equal(exported.status, 200);
      const exportText = JSON.stringify(exported.body);
      assert.equal(exportText.includes(draft) || exportText.includes(aside), false, 'export: nothing private');
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
