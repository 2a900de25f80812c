import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import type { TestClient } from '../helpers/client';
import { addMember, createBoard, joinAs, lettersDoc, notesDoc, person, planDoc } from '../helpers/board';
import { openDoc } from '../helpers/providers';
import { type RunningServer, startServer } from '../helpers/server';
import { dbFile, loggedCount, openStore } from '../helpers/stored-docs';
import { sleep, waitFor } from '../helpers/wait';

/**
 * Writes that belong together are one transaction: deleting a board takes its records and its
 * documents together; a demotion racing another writer of the file cannot leave a board without
 * an interventionist; two stagings at the same moment leave one staged attempt, copied once.
 */

let server: RunningServer;
let store: BetterSqlite3.Database;
before(async () => {
  server = await startServer();
  store = openStore(server.dataDir);
});
after(async () => {
  store.close();
  await server.dispose();
});

/** Types into a document and waits until the server has stored it. */
async function write(who: TestClient, docName: string, text: string): Promise<void> {
  const opened = await openDoc(who, docName);
  opened.doc.getText('probe').insert(0, text);
  await waitFor(() => loggedCount(store, docName) > 0, `${docName} stored`);
  opened.destroy();
}

function interventionists(boardId: string): number {
  const row = store
    .prepare("SELECT COUNT(*) AS n FROM memberships WHERE board_id = ? AND role = 'interventionist'")
    .get(boardId) as { n: number };
  return row.n;
}

describe('atomic writes', () => {
  test('a board deletion that fails part-way leaves the board whole; done again, it takes everything', async () => {
    const lead = await person(server.url, 'Lead');
    const boardId = await createBoard(lead, 'Helping Jo');
    const ana = await joinAs(lead, boardId, 'family', 'Ana');
    const docs = [planDoc(boardId), lettersDoc(boardId, ana.userId), notesDoc(boardId)];
    await write(ana, docs[0] ?? '', 'The plan');
    await write(ana, docs[1] ?? '', 'Dear Jo');
    await write(lead, docs[2] ?? '', 'Private notes');

    // The disk fails while the documents are being removed (after the records were).
    const writer = new BetterSqlite3(dbFile(server.dataDir));
    writer.pragma('busy_timeout = 5000');
    writer.exec(`CREATE TRIGGER fail_purge BEFORE DELETE ON doc_updates WHEN old.doc LIKE 'board/${boardId}/%'
                 BEGIN SELECT RAISE(ABORT, 'injected: the disk failed'); END`);
    try {
      const failed = await lead.json<{ error: { code: string } }>('DELETE', `/api/boards/${boardId}`, {
        confirmTitle: 'Helping Jo',
      });
      assert.equal(failed.status, 500);
      assert.equal(failed.body.error.code, 'internal');
      const board = await lead.json<{ members: unknown[] }>('GET', `/api/boards/${boardId}`);
      assert.equal(board.status, 200, 'the board is still there');
      assert.equal(board.body.members.length, 2, 'with its members');
      for (const doc of docs) assert.ok(loggedCount(store, doc) > 0, `${doc} still there`);
    } finally {
      writer.exec('DROP TRIGGER fail_purge');
      writer.close();
    }

    const deleted = await lead.json('DELETE', `/api/boards/${boardId}`, { confirmTitle: 'Helping Jo' });
    assert.equal(deleted.status, 204);
    assert.equal((await lead.json('GET', `/api/boards/${boardId}`)).status, 404);
    for (const doc of docs) assert.equal(loggedCount(store, doc), 0, `${doc} removed`);
  });

  test('a demotion or removal racing another writer of the file keeps one interventionist', async () => {
    const ivy = await person(server.url, 'Ivy');
    const jon = await person(server.url, 'Jon');
    for (const move of ['demote', 'remove'] as const) {
      const boardId = await createBoard(ivy, `Helping Sam (${move})`);
      await addMember(ivy, boardId, jon, 'interventionist');
      assert.equal(interventionists(boardId), 2);

      // Another writer of the same file (the sync process, a second web process) demotes Jon
      // and has not committed yet, while Ivy steps down: both saw two interventionists.
      const other = new BetterSqlite3(dbFile(server.dataDir));
      other.pragma('busy_timeout = 5000');
      other.prepare('BEGIN IMMEDIATE').run();
      other
        .prepare("UPDATE memberships SET role = 'family' WHERE board_id = ? AND user_id = ?")
        .run(boardId, jon.userId);
      const stepDown =
        move === 'demote'
          ? ivy.json('PATCH', `/api/boards/${boardId}/members/${ivy.userId}`, { role: 'family' })
          : ivy.json('DELETE', `/api/boards/${boardId}/members/${ivy.userId}`);
      // Time for the request to reach its check. Only code that checks outside the lock needs it
      // to show its race; checked under the lock, the answer is the same whenever this commits.
      await sleep(750);
      other.prepare('COMMIT').run();
      other.close();
      const answer = await stepDown;
      assert.equal(answer.status, 409, `${move}: ${JSON.stringify(answer.body)}`);
      assert.equal(interventionists(boardId), 1, `${move}: the board keeps Ivy`);
    }
  });

  test('two stagings at once stage one attempt, and copy each document once', async () => {
    const lead = await person(server.url, 'Lead');
    const boardId = await createBoard(lead);
    const ana = await joinAs(lead, boardId, 'family', 'Ana');
    await write(ana, planDoc(boardId), 'The plan');
    await write(ana, lettersDoc(boardId, ana.userId), 'Dear Sam');

    const staged = await Promise.all(
      [1, 2, 3].map(() => lead.json<{ attempt?: number }>('POST', `/api/boards/${boardId}/attempts`)),
    );
    for (const { status } of staged) assert.ok(status === 201 || status === 409, `status ${status}`);
    const board = await lead.json<{ board: { attempts: Array<{ number: number }> } }>('GET', `/api/boards/${boardId}`);
    const numbers = board.body.board.attempts.map((attempt) => attempt.number);
    assert.deepEqual(
      numbers,
      Array.from({ length: numbers.length }, (_, i) => i + 1),
    );
    assert.equal(staged.filter(({ status }) => status === 201).length, numbers.length - 1);
    for (const attempt of numbers.slice(1)) {
      assert.equal(loggedCount(store, planDoc(boardId, attempt)), 1, `attempt ${attempt}'s plan copied once`);
      assert.equal(loggedCount(store, lettersDoc(boardId, ana.userId, attempt)), 1, `attempt ${attempt}'s letters`);
    }
  });
});
