/**
 * Until boards are leased to one process each, one server serves a PostgreSQL database
 * (server/sync/sole-owner.ts): a second one refuses to start rather than append to the same
 * documents, and the first goes on serving.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createBoard, person } from '../helpers/board';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../helpers/postgres';
import { type RunningServer, startServer } from '../helpers/server';

let database: TestPostgresDatabase | undefined;
let first: RunningServer | undefined;
after(async () => {
  await first?.dispose();
  await database?.drop();
});

test('a second server on the same PostgreSQL database refuses to start; the first serves on', async () => {
  database = await freshPostgresDatabase();
  first = await startServer({ env: { DATABASE_URL: database.url } });
  await assert.rejects(
    startServer({ env: { DATABASE_URL: database.url } }),
    /another sync process already serves this database/,
  );
  const ivy = await person(first.url, 'Ivy');
  const board = await createBoard(ivy, 'Still here');
  assert.equal((await ivy.json('GET', `/api/boards/${board}`)).status, 200);
});
