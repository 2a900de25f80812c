/**
 * The debrief is a Yjs document per attempt (`board/<b>/debrief/<n>`, docs/realtime.md): two
 * people writing at once both keep their words, every version stays in the history, viewers
 * only read, the document stays open once the attempt is frozen, and nothing of it survives
 * the board's deletion. The old whole-record save, which let a stale copy erase someone else's
 * text, is gone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestClient } from '../helpers/client';
import { createBoard, waitForHttp } from '../helpers/board';
import { teamScene } from '../helpers/team';
import { permissionDeniedReason, syncUpdate, textUpdate } from '../helpers/frames';
import { openDoc } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { RawYjsSocket } from '../helpers/sockets';
import { readStoreOf } from '../helpers/store-reader';
import { REQUEST_POLL_MS, waitFor } from '../helpers/wait';

interface Debrief {
  outcome: string;
  wentWrong: string[];
  details: string;
  participantNotes: Record<string, string>;
  lessons: string;
}

let server: RunningServer;
let lead: TestClient;
let ana: TestClient;
let ben: TestClient;
let vic: TestClient;
let stranger: TestClient;
let boardId: string;

const debriefDoc = (attempt = 1) => `board/${boardId}/debrief/${attempt}`;
const q = encodeURIComponent;

before(async () => {
  server = await startServer();
  ({ lead, boardId, ana, ben, vic, stranger } = await teamScene(server.url));
});
after(async () => {
  await server.dispose();
});

async function stored(who: TestClient = lead): Promise<Debrief> {
  const res = await who.json<{ debrief: Debrief }>('GET', `/api/boards/${boardId}/attempts/1/debrief`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.debrief;
}

async function storedWhen(check: (debrief: Debrief) => boolean, label: string): Promise<Debrief> {
  let last: Debrief | null = null;
  await waitFor(
    async () => {
      last = await stored();
      return check(last);
    },
    label,
    5000,
    REQUEST_POLL_MS,
  );
  return last as unknown as Debrief;
}

describe('debriefs saved before they were documents', () => {
  test('each becomes its document’s first change, by whoever saved it, when the server starts', async () => {
    const older = await createBoard(lead, 'An older board');
    await server.stop();
    const store = readStoreOf(server, { write: true });
    try {
      await store.kysely
        .insertInto('debriefs')
        .values({
          board_id: older,
          attempt: 1,
          outcome: 'left',
          went_wrong: '["led-with-emotion"]',
          details: 'He left after ten minutes.',
          participant_notes: '{}',
          lessons: 'Sit nearer the door.',
          updated_by: lead.userId,
          updated_at: 1234,
        })
        .execute();
    } finally {
      await store.close();
      await server.restart();
    }
    await waitForHttp(server.url);
    const doc = q(`board/${older}/debrief/1`);
    let changes: { seq: number; userId: string; at: number; size: number }[] = [];
    // The sync process copies it as it starts; the web process may answer a moment earlier.
    await waitFor(
      async () => {
        changes = (await lead.json<{ changes: typeof changes }>('GET', `/api/boards/${older}/history?doc=${doc}`)).body
          .changes;
        return changes.length > 0;
      },
      'the record copied into its document',
      10_000,
      REQUEST_POLL_MS,
    );
    assert.deepEqual(changes, [{ seq: 1, userId: lead.userId, at: 1234, size: changes[0]?.size }]);
    const copied = await lead.json<{ debrief: Debrief }>('GET', `/api/boards/${older}/attempts/1/debrief`);
    assert.deepEqual(copied.body.debrief, {
      outcome: 'left',
      wentWrong: ['led-with-emotion'],
      details: 'He left after ten minutes.',
      participantNotes: {},
      lessons: 'Sit nearer the door.',
      updatedAt: 1234,
    });
  });
});

describe('writing together', () => {
  test('two family members typing in the same fields at once both keep what they wrote', async () => {
    const a = await openDoc(ana, debriefDoc());
    const b = await openDoc(ben, debriefDoc());
    // Both start while neither has seen the other: the old record save kept only the later one.
    b.provider.disconnect();
    a.doc.getText('debrief.lessons').insert(0, 'Meet in the morning.');
    a.doc.getText(`debrief.note.${ben.userId}`).insert(0, 'Ana: Ben kept calm.');
    a.doc.getMap('debrief').set('outcome', 'refused');
    b.doc.getText('debrief.lessons').insert(0, 'Have the bed confirmed the day before.');
    b.doc.getText(`debrief.note.${ben.userId}`).insert(0, 'Ben: I raised my voice once.');
    b.doc.getMap('debrief.wentWrong').set('walked-out', true);
    a.doc.getMap('debrief.wentWrong').set('refused-treatment', true);
    b.provider.connect();

    const both = await storedWhen(
      (d) => d.lessons.includes('Meet in the morning.') && d.lessons.includes('Have the bed confirmed'),
      'both lessons stored',
    );
    assert.equal(both.outcome, 'refused');
    assert.deepEqual(both.wentWrong, ['walked-out', 'refused-treatment']);
    assert.ok(both.participantNotes[ben.userId]?.includes('Ana: Ben kept calm.'));
    assert.ok(both.participantNotes[ben.userId]?.includes('Ben: I raised my voice once.'));
    await waitFor(
      () => a.doc.getText('debrief.lessons').toString() === b.doc.getText('debrief.lessons').toString(),
      'converged',
    );
    a.destroy();
    b.destroy();
  });

  test('the whole-record save is gone: a stale PUT changes nothing', async () => {
    const before = await stored();
    const res = await ana.json('PUT', `/api/boards/${boardId}/attempts/1/debrief`, {
      outcome: 'accepted',
      wentWrong: [],
      details: '',
      participantNotes: {},
      lessons: 'Only mine.',
    });
    assert.equal(res.status, 405);
    assert.deepEqual(await stored(), before);
  });

  test('earlier versions stay in the history, with who wrote each change', async () => {
    const doc = q(debriefDoc());
    const changes = await ana.json<{ changes: { seq: number; userId: string }[] }>(
      'GET',
      `/api/boards/${boardId}/history?doc=${doc}`,
    );
    assert.equal(changes.status, 200);
    const writers = new Set(changes.body.changes.map((c) => c.userId));
    assert.ok(writers.has(ana.userId) && writers.has(ben.userId), 'both writers are in the log');
    const first = changes.body.changes[0]?.seq ?? 0;
    const early = await vic.json<{ state: Debrief }>(
      'GET',
      `/api/boards/${boardId}/history/state?doc=${doc}&seq=${first}`,
    );
    assert.equal(early.status, 200, 'a viewer reads the history too');
    assert.ok(early.body.state.lessons.length < (await stored()).lessons.length, 'an earlier, shorter version');
    const timeline = await ana.json<{ entries: { fields: string[] }[] }>(
      'GET',
      `/api/boards/${boardId}/history/timeline?doc=${doc}`,
    );
    assert.ok(timeline.body.entries.some((e) => e.fields.includes('debrief.lessons')));
  });
});

describe('who may write', () => {
  test('a viewer reads the debrief; what their socket sends is dropped, and they are told', async () => {
    const before = await stored();
    const socket = await RawYjsSocket.connect(server.url, debriefDoc(), vic.cookieHeader(), 'viewer on the debrief');
    await socket.roundtrip();
    const learned = socket.learnedDoc();
    assert.equal(learned.getText('debrief.lessons').toString(), before.lessons, 'the viewer reads it');
    learned.destroy();
    socket.send(syncUpdate(textUpdate('VIEWER WROTE THIS', 'debrief.lessons')));
    await socket.roundtrip();
    assert.deepEqual(
      socket.frames.map((f) => permissionDeniedReason(f.bytes)).filter((r) => r !== null),
      ['read-only'],
    );
    socket.close();
    await socket.closed;
    assert.deepEqual(await stored(), before);
  });

  test('strangers and a missing attempt get nothing: no socket, no history, no JSON', async () => {
    const refused = await RawYjsSocket.open(server.url, debriefDoc(), stranger.cookieHeader());
    assert.equal(refused.opened, false);
    if (!refused.opened) assert.equal(refused.status, 404);
    const missing = await RawYjsSocket.open(server.url, debriefDoc(2), ana.cookieHeader());
    assert.equal(missing.opened, false, 'attempt 2 does not exist yet');
    assert.equal((await stranger.json('GET', `/api/boards/${boardId}/attempts/1/debrief`)).status, 404);
    assert.equal((await stranger.json('GET', `/api/boards/${boardId}/history?doc=${q(debriefDoc())}`)).status, 404);
    // Spelled wrong is not a document: it is refused before any lookup.
    const wrong = await RawYjsSocket.open(server.url, `board/${boardId}/debrief/01`, ana.cookieHeader());
    assert.equal(wrong.opened, false);
  });

  test('freezing the attempt does not close its debrief: it is written after the intervention', async () => {
    assert.equal((await lead.json('PUT', `/api/boards/${boardId}/attempts/1/freeze`, { frozen: true })).status, 200);
    const a = await openDoc(ana, debriefDoc());
    a.doc.getText('debrief.details').insert(0, 'Written after the freeze.');
    await storedWhen((d) => d.details.includes('Written after the freeze.'), 'stored after the freeze');
    a.destroy();
  });
});

describe('deleting the board', () => {
  test('removes the debrief documents with everything else', async () => {
    const name = debriefDoc();
    const title = 'Helping Sam';
    const res = await lead.json('DELETE', `/api/boards/${boardId}`, { confirmTitle: title });
    assert.equal(res.status, 204, JSON.stringify(res.body));
    const store = readStoreOf(server);
    try {
      await waitFor(
        async () => !(await store.docNames()).some((doc) => doc.startsWith(`board/${boardId}/`)),
        'purged',
        5000,
        REQUEST_POLL_MS,
      );
      assert.equal((await store.docNames()).includes(name), false);
    } finally {
      await store.close();
    }
  });
});
