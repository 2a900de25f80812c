/**
 * transact() on PostgreSQL (server/db/immediate.ts): a read-then-write that races another one
 * is run again on the state the other left, so a check ("at most one") holds under
 * concurrency as it does under SQLite's write lock.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../helpers/postgres';

let database: TestPostgresDatabase;
let dataDir: string;
before(async () => {
  database = await freshPostgresDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'board-transact-'));
  // Read once by server/env.ts, on the first db() below.
  process.env.DATABASE_URL = database.url;
  process.env.DATA_DIR = dataDir;
});
after(async () => {
  const { closeDatabase } = await import('../../server/db/connection');
  await closeDatabase();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('of racing read-then-writes that each allow one row, exactly one writes', async () => {
  const { prepareDatabase } = await import('../../server/db/connection');
  const { transact } = await import('../../server/db/immediate');
  const { kysely, dialect } = await prepareDatabase();
  assert.equal(dialect, 'postgres');
  await kysely
    .insertInto('users')
    .values({ id: 'u', email: 'u@example.org', name: 'U', password_hash: 'x', created_at: 1 })
    .execute();
  await kysely.insertInto('boards').values({ id: 'b', title: 'Race', created_by: 'u', created_at: 1 }).execute();
  const attempts = Array.from({ length: 6 }, (_unused, index) =>
    transact(async (tx) => {
      const row = await tx
        .selectFrom('attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('board_id', '=', 'b')
        .executeTakeFirst();
      if (Number(row?.n ?? 0) > 0) return false;
      await tx
        .insertInto('attempts')
        .values({ board_id: 'b', number: index + 1, created_at: 1, frozen_at: null })
        .execute();
      return true;
    }),
  );
  const outcomes = await Promise.all(attempts);
  assert.equal(outcomes.filter(Boolean).length, 1, 'one transaction wrote');
  const rows = await kysely.selectFrom('attempts').select('number').where('board_id', '=', 'b').execute();
  assert.equal(rows.length, 1, 'and only one row is there');
});
