import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import * as Y from 'yjs';
import { removeTempDbs, tempDbFile } from '../../test/helpers/temp-db';
import { openDatabase } from '../db/connection';
import type { Tx } from '../db/immediate';
import { appendUpdate } from '../update-log/log-writes';
import { rebuildLatest } from '../update-log/rebuild';
import { copiesStillCurrent, prepareCopies, writeCopies, type StagedCopy } from './stage-copies';

after(removeTempDbs);

const BOARD = 'b0000000000000000001';
const plan = (attempt: number) => `board/${BOARD}/attempt/${attempt}`;
const letters = (attempt: number, owner: string) => `board/${BOARD}/letters/${attempt}/${owner}`;

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

async function storedText(q: Tx, docName: string): Promise<string> {
  const rebuilt = await rebuildLatest(q, docName);
  try {
    return rebuilt.doc.getText('t').toString();
  } finally {
    rebuilt.doc.destroy();
  }
}

/** As staging reads them: in one read transaction, so every source comes from one snapshot. */
function prepare(q: Tx, to: number, editPlan: (doc: Y.Doc) => void = () => {}): Promise<StagedCopy[]> {
  return q.transaction().execute((tx) => prepareCopies(tx, BOARD, 1, to, editPlan));
}

async function scene() {
  const file = tempDbFile();
  const { sqlite, kysely } = openDatabase(file);
  await appendUpdate(kysely, plan(1), 'u1', textUpdate('the plan'));
  await appendUpdate(kysely, letters(1, 'ownerAAAAAAAAAAAAAAA'), 'u1', textUpdate('dear Sam'));
  // Another attempt's letters, whose name begins the same way: not a source.
  await appendUpdate(kysely, letters(10, 'ownerCCCCCCCCCCCCCCC'), 'u3', textUpdate('not this one'));
  return {
    file,
    sqlite,
    kysely,
    close: async () => {
      await kysely.destroy();
    },
  };
}

test('the documents are read and rebuilt while another process holds the write lock', async () => {
  const { file, sqlite, kysely, close } = await scene();
  // This connection may not wait for the lock: if reading needed it, this would fail at once.
  sqlite.pragma('busy_timeout = 0');
  const syncProcess = new BetterSqlite3(file);
  syncProcess.prepare('BEGIN IMMEDIATE').run();
  try {
    const copies = await prepare(kysely, 2);
    assert.deepEqual(
      copies.map((copy) => [copy.from, copy.to, copy.fromSeq]),
      [
        [plan(1), plan(2), 1],
        [letters(1, 'ownerAAAAAAAAAAAAAAA'), letters(2, 'ownerAAAAAAAAAAAAAAA'), 1],
      ],
    );
    await assert.rejects(
      appendUpdate(kysely, plan(1), 'u1', textUpdate('x')),
      /database is locked/,
      'the lock was held',
    );
  } finally {
    syncProcess.prepare('ROLLBACK').run();
    syncProcess.close();
  }
  await close();
});

test('a source that moved after it was read is caught before the copies are written', async () => {
  const { kysely, close } = await scene();
  const copies = await prepare(kysely, 2);
  assert.equal(await copiesStillCurrent(kysely, BOARD, 1, copies), true);
  await writeCopies(kysely, copies, 'stager');
  assert.equal(await storedText(kysely, plan(2)), 'the plan');
  assert.equal(await storedText(kysely, letters(2, 'ownerAAAAAAAAAAAAAAA')), 'dear Sam');

  const before = await prepare(kysely, 3);
  await appendUpdate(kysely, plan(1), 'u1', textUpdate('a late edit'));
  assert.equal(await copiesStillCurrent(kysely, BOARD, 1, before), false, 'an edit after the read');

  const again = await prepare(kysely, 3);
  await appendUpdate(kysely, letters(1, 'ownerBBBBBBBBBBBBBBB'), 'u2', textUpdate('a new letter'));
  assert.equal(await copiesStillCurrent(kysely, BOARD, 1, again), false, 'a letters document that appeared');
  await close();
});

test('the plan is edited on its way over; the source stays as it was', async () => {
  const { kysely, close } = await scene();
  const copies = await prepare(kysely, 2, (doc) => doc.getText('t').insert(0, 'next: '));
  await writeCopies(kysely, copies, 'stager');
  assert.equal(await storedText(kysely, plan(2)), 'next: the plan');
  assert.equal(await storedText(kysely, plan(1)), 'the plan');
  const written = await kysely
    .selectFrom('doc_updates')
    .select(['seq', 'user_id'])
    .where('doc', '=', plan(2))
    .execute();
  assert.deepEqual(written, [{ seq: 1, user_id: 'stager' }], 'the copy is the first update of its document');
  await close();
});
