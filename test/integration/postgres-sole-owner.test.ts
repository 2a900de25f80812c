/**
 * Until boards are leased to one process each, one server serves a PostgreSQL database
 * (server/sync/sole-owner.ts): a second one refuses to start rather than append to the same
 * documents, and the first goes on serving. A sync process that loses the lock stops serving,
 * and the one started in its place takes the lock again.
 */

/** The server processes holding an advisory lock on the database. */
async function lockHolders(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    );
    return rows.rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { createBoard, person } from '../helpers/board';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../helpers/postgres';
import { type RunningServer, startServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

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

test('a sync process whose lock is lost stops serving; the next one takes the lock again', async () => {
  assert.ok(database && first, 'the first test started the server');
  const url = database.url;
  const [holder] = await lockHolders(url);
  assert.ok(holder, 'the sync process holds the lock');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // As when the database restarts or the network drops that one connection.
  await client.query('SELECT pg_terminate_backend($1)', [holder]);
  await client.end();
  const server = first;
  await waitFor(() => /lock.*stopping/.test(server.output()), 'the sync process to stop on losing the lock', 10_000);
  await waitFor(
    async () => {
      const holders = await lockHolders(url);
      return holders.length === 1 && holders[0] !== holder;
    },
    'a new sync process to hold the lock',
    15_000,
    100,
  );
  const ivy = await person(server.url, 'Ivy again');
  const board = await createBoard(ivy, 'After the lock moved');
  assert.equal((await ivy.json('GET', `/api/boards/${board}`)).status, 200);
});
