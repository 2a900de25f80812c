import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import * as Y from 'yjs';
import { removeTempDbs, tempDbFile } from '../../test/helpers/temp-db';
import { openDatabase } from '../db/connection';
import { rebuildLatest } from '../update-log/rebuild';
import { UpdateStore } from '../update-log/update-store';
import { copiesStillCurrent, prepareCopies, writeCopies } from './stage-copies';

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

function storedText(sqlite: BetterSqlite3.Database, docName: string): string {
  const rebuilt = rebuildLatest(sqlite, docName);
  try {
    return rebuilt.doc.getText('t').toString();
  } finally {
    rebuilt.doc.destroy();
  }
}

function scene() {
  const file = tempDbFile();
  const { sqlite, kysely } = openDatabase(file);
  const store = new UpdateStore(sqlite);
  store.append(plan(1), 'u1', textUpdate('the plan'));
  store.append(letters(1, 'ownerAAAAAAAAAAAAAAA'), 'u1', textUpdate('dear Sam'));
  return {
    file,
    sqlite,
    store,
    close: async () => {
      await kysely.destroy();
    },
  };
}

test('the documents are read and rebuilt while another process holds the write lock', async () => {
  const { file, sqlite, store, close } = scene();
  // This connection may not wait for the lock: if reading needed it, this would fail at once.
  sqlite.pragma('busy_timeout = 0');
  const syncProcess = new BetterSqlite3(file);
  syncProcess.prepare('BEGIN IMMEDIATE').run();
  try {
    const copies = prepareCopies(sqlite, BOARD, 1, 2, () => {});
    assert.deepEqual(
      copies.map((copy) => [copy.from, copy.to, copy.fromSeq]),
      [
        [plan(1), plan(2), 1],
        [letters(1, 'ownerAAAAAAAAAAAAAAA'), letters(2, 'ownerAAAAAAAAAAAAAAA'), 1],
      ],
    );
    assert.throws(() => store.append(plan(1), 'u1', textUpdate('x')), /database is locked/, 'the lock was held');
  } finally {
    syncProcess.prepare('ROLLBACK').run();
    syncProcess.close();
  }
  await close();
});

test('a source that moved after it was read is caught before the copies are written', async () => {
  const { sqlite, store, close } = scene();
  const copies = prepareCopies(sqlite, BOARD, 1, 2, () => {});
  assert.equal(copiesStillCurrent(sqlite, BOARD, 1, copies), true);
  writeCopies(store, copies, 'stager');
  assert.equal(storedText(sqlite, plan(2)), 'the plan');
  assert.equal(storedText(sqlite, letters(2, 'ownerAAAAAAAAAAAAAAA')), 'dear Sam');

  const before = prepareCopies(sqlite, BOARD, 1, 3, () => {});
  store.append(plan(1), 'u1', textUpdate('a late edit'));
  assert.equal(copiesStillCurrent(sqlite, BOARD, 1, before), false, 'an edit after the read');

  const again = prepareCopies(sqlite, BOARD, 1, 3, () => {});
  store.append(letters(1, 'ownerBBBBBBBBBBBBBBB'), 'u2', textUpdate('a new letter'));
  assert.equal(copiesStillCurrent(sqlite, BOARD, 1, again), false, 'a letters document that appeared');
  await close();
});

test('the plan is edited on its way over; the source stays as it was', async () => {
  const { sqlite, store, close } = scene();
  const copies = prepareCopies(sqlite, BOARD, 1, 2, (doc) => doc.getText('t').insert(0, 'next: '));
  writeCopies(store, copies, 'stager');
  assert.equal(storedText(sqlite, plan(2)), 'next: the plan');
  assert.equal(storedText(sqlite, plan(1)), 'the plan');
  await close();
});
