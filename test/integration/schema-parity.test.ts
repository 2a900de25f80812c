/**
 * The schema PostgreSQL migrates to is the one SQLite migrates to: the same tables, columns,
 * keys, checks and indexes, so that one query layer serves either database. Also: migrating is
 * safe to repeat and to run from several processes at once, and BIGINT milliseconds read back as
 * numbers. Needs the PostgreSQL that scripts/test-services.sh starts (TEST_POSTGRES_URL).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { migrate, migrations } from '../../server/db/migrations';
import { migratePostgres } from '../../server/db/migrations-postgres';
import { postgresTypes } from '../../server/db/postgres-types';
import { freshPostgresDatabase, type TestPostgresDatabase } from '../helpers/postgres';
import { postgresSchemaShape, sqliteSchemaShape, type SchemaShape } from '../helpers/schema-shapes';

/** App processes starting together against one database in the concurrency case. */
const PROCESSES_STARTING_TOGETHER = 3;

const databases: TestPostgresDatabase[] = [];
const pools: pg.Pool[] = [];
let sqliteShape: SchemaShape;

before(async () => {
  const sqlite = new BetterSqlite3(':memory:');
  migrate(sqlite);
  sqliteShape = await sqliteSchemaShape(sqlite);
  sqlite.close();
});

after(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
  for (const database of databases.splice(0)) await database.drop();
});

async function freshDatabase(): Promise<TestPostgresDatabase> {
  const database = await freshPostgresDatabase();
  databases.push(database);
  return database;
}

/** A pool as the product opens one, with its type parsers. */
function poolOn(database: TestPostgresDatabase): pg.Pool {
  const pool = new pg.Pool({ connectionString: database.url, types: postgresTypes, max: 2 });
  pools.push(pool);
  return pool;
}

async function appliedMigrations(pool: pg.Pool): Promise<{ id: number; name: string }[]> {
  const { rows } = await pool.query<{ id: number; name: string }>('SELECT id, name FROM schema_migrations ORDER BY id');
  return rows;
}

const everyMigration = migrations.map(({ id, name }) => ({ id, name }));

test('the comparison reads the SQLite schema in full (a vacuous comparison would prove nothing)', () => {
  assert.equal(Object.keys(sqliteShape.tables).length, 20);
  assert.equal(sqliteShape.tables.users?.columns.email?.nullable, false);
  assert.deepEqual(sqliteShape.tables.users?.unique, ['email']);
  assert.equal(sqliteShape.tables.readiness?.columns.holding?.nullable, true);
  assert.equal(sqliteShape.tables.doc_checkpoints?.columns.parts?.default, '1');
  assert.ok(sqliteShape.tables.sessions?.foreignKeys.includes('user_id -> users(id) ON DELETE CASCADE'));
  assert.ok(sqliteShape.tables.sessions?.checks.includes('shared: 0 1'));
  assert.deepEqual(sqliteShape.indexes.runs_one_under_way, {
    table: 'runs',
    columns: ['board_id', 'attempt'],
    unique: true,
    where: 'ended_at is null',
  });
});

test('migrated twice, PostgreSQL records each migration once and has the schema SQLite has', async () => {
  const pool = poolOn(await freshDatabase());
  await migratePostgres(pool);
  await migratePostgres(pool);
  assert.deepEqual(await appliedMigrations(pool), everyMigration);
  assert.deepEqual(await postgresSchemaShape(pool), sqliteShape);
});

test('processes migrating one PostgreSQL database at once apply each migration once', async () => {
  const database = await freshDatabase();
  // A pool each, as separate processes have: their migrations race for the lock.
  const processes = Array.from({ length: PROCESSES_STARTING_TOGETHER }, () => poolOn(database));
  await Promise.all(processes.map((pool) => migratePostgres(pool)));
  const [pool] = processes;
  assert.ok(pool);
  assert.deepEqual(await appliedMigrations(pool), everyMigration);
  assert.deepEqual(await postgresSchemaShape(pool), sqliteShape);
});

test('BIGINT milliseconds and sequence numbers past 2^31 read back as the same JavaScript numbers', async () => {
  const pool = poolOn(await freshDatabase());
  await migratePostgres(pool);
  const at = 2 ** 41 + 123; // a time in 2039, in milliseconds
  const seq = 2 ** 31 + 5;
  const bytes = Buffer.from([1, 2, 3]);
  await pool.query('INSERT INTO doc_updates (doc, seq, at, user_id, bytes) VALUES ($1, $2, $3, $4, $5)', [
    'board/b1/attempt/1',
    seq,
    at,
    'u1',
    bytes,
  ]);
  const { rows } = await pool.query('SELECT seq, at, bytes FROM doc_updates');
  assert.deepEqual(rows, [{ seq, at, bytes }]);
  // COUNT is int8 and SUM of BIGINT is NUMERIC: numbers too.
  const totals = await pool.query('SELECT COUNT(*) AS count, SUM(at) AS total FROM doc_updates');
  assert.deepEqual(totals.rows, [{ count: 1, total: at }]);
  // An identity key is filled in when omitted, as AUTOINCREMENT is on SQLite.
  const logged = await pool.query(
    "INSERT INTO audit_log (action, detail, at) VALUES ('board.created', '{}', $1) RETURNING id, at",
    [at],
  );
  assert.deepEqual(logged.rows, [{ id: 1, at }]);
  // Past 2^53 a number would be rounded: reading fails instead.
  await assert.rejects(pool.query('SELECT 9007199254740993::bigint AS past'), RangeError);
});
