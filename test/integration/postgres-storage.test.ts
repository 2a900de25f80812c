/**
 * The sync server's storage on PostgreSQL (server/update-log/postgres-storage.ts), on a real
 * database: a turn's appends go in one transaction whose promise says when they are stored,
 * a batch is all or nothing, and reads wait for the writes handed over before them.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as Y from 'yjs';
import { openPostgres, type Db } from '../../server/db/connection';
import { postgresDocStorage } from '../../server/update-log/postgres-storage';
import { applyStoredParts } from '../../server/yjs/storage';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../helpers/postgres';

let database: TestPostgresDatabase;
let db: Db;
before(async () => {
  database = await freshPostgresDatabase();
  db = openPostgres(database.url, 4);
  await db.ready;
});
after(async () => {
  await db?.kysely.destroy();
  await database?.drop();
});

function editOf(text: string, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

async function seqsOf(docName: string): Promise<number[]> {
  const rows = await db.kysely
    .selectFrom('doc_updates')
    .select('seq')
    .where('doc', '=', docName)
    .orderBy('seq')
    .execute();
  return rows.map((row) => row.seq);
}

test("a turn's appends are stored together, and are there once its promise resolves", async () => {
  const storage = postgresDocStorage(db.kysely);
  const author = new Y.Doc();
  const commit = storage.transaction(() => {
    storage.appendAt('board/a/plan/1', 1, 'user-1', editOf('Hello', author));
    storage.appendAt('board/a/plan/1', 2, 'user-1', editOf(', world', author));
    storage.appendAt('board/a/notes/1', 1, 'user-2', editOf('Private'));
  });
  assert.ok(commit instanceof Promise, 'a turn that appends commits over the network');
  await commit;
  assert.deepEqual(await seqsOf('board/a/plan/1'), [1, 2]);
  assert.deepEqual(await seqsOf('board/a/notes/1'), [1]);
  const stored = await storage.readLatest('board/a/plan/1');
  assert.deepEqual([stored.seq, stored.replayed, stored.checkpointSeq], [2, 2, 0]);
  const rebuilt = applyStoredParts(stored);
  assert.equal(rebuilt.doc.getText('t').toString(), 'Hello, world');
  rebuilt.doc.destroy();
});

test('a turn that stores nothing (presence, sync steps) is done at once', () => {
  const storage = postgresDocStorage(db.kysely);
  assert.equal(
    storage.transaction(() => undefined),
    undefined,
  );
});

test('a batch is all or nothing: one clash on a sequence number stores none of it', async () => {
  const storage = postgresDocStorage(db.kysely);
  await storage.transaction(() => storage.appendAt('board/b/plan/1', 1, 'user-1', editOf('first')));
  const clash = storage.transaction(() => {
    storage.appendAt('board/b/notes/1', 1, 'user-1', editOf('innocent bystander'));
    // Another writer already holds seq 1 of this document (a former owner of the board).
    storage.appendAt('board/b/plan/1', 1, 'user-2', editOf('second'));
  });
  await assert.rejects(async () => clash, /duplicate key|unique/i);
  assert.deepEqual(await seqsOf('board/b/notes/1'), [], 'the rest of the batch is not stored');
  assert.deepEqual(await seqsOf('board/b/plan/1'), [1]);
  // The store goes on: the next batch commits.
  await storage.transaction(() => storage.appendAt('board/b/plan/1', 2, 'user-1', editOf('third')));
  assert.deepEqual(await seqsOf('board/b/plan/1'), [1, 2]);
});

test('an update removed in its batch is not written; a checkpoint written alone is read back in order', async () => {
  const storage = postgresDocStorage(db.kysely);
  const doc = new Y.Doc();
  await storage.transaction(() => {
    storage.appendAt('board/c/plan/1', 1, 'user-1', editOf('kept', doc));
    storage.appendAt('board/c/plan/1', 2, 'user-1', editOf('broken'));
    storage.remove('board/c/plan/1', 2);
  });
  assert.deepEqual(await seqsOf('board/c/plan/1'), [1]);
  // As a room is let go: the checkpoint goes alone, and the read right after waits for it.
  storage.writeCheckpoint('board/c/plan/1', 1, [Y.encodeStateAsUpdate(doc)]);
  const stored = await storage.readLatest('board/c/plan/1');
  assert.deepEqual([stored.seq, stored.checkpointSeq, stored.replayed], [1, 1, 0]);
  await storage.drain();
});
