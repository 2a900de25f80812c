import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { env } from '../env';
import { migrate } from './migrations';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  dialect: Dialect;
  /** The query layer for records and the update log, on either database. */
  kysely: Kysely<Database>;
  /**
   * SQLite only: the raw connection, for the sync process's synchronous append path, backups
   * and the write-ahead log's upkeep. Null on PostgreSQL.
   */
  sqlite: BetterSqlite3.Database | null;
  /** Resolves once the schema is current (PostgreSQL migrates over the network; SQLite already has). */
  ready: Promise<void>;
}

/** The embedded database: the raw connection is always there. */
export type SqliteDb = Db & { dialect: 'sqlite'; sqlite: BetterSqlite3.Database };

/** The database file and the two SQLite keeps beside it in WAL mode. */
const COMPANIONS = ['', '-wal', '-shm'];

/**
 * Created 0600 before SQLite opens it: SQLite gives the -wal and -shm files the database file's
 * mode, so the whole set is the owner's. Files an older version left readable are narrowed too.
 */
function ownerOnly(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const suffix of COMPANIONS) if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
}

export function openDatabase(file: string): SqliteDb {
  ownerOnly(file);
  const sqlite = new BetterSqlite3(file);
  // WAL lets the Next.js handlers and the realtime server share the file; NORMAL keeps a
  // committed transaction durable across a process crash (only an OS crash can lose the tail).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros instead of left in free pages, so a deleted board's
  // text does not stay in the file (the log's old frames are emptied by truncateWal).
  sqlite.pragma('secure_delete = ON');
  migrate(sqlite);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { dialect: 'sqlite', sqlite, kysely, ready: Promise.resolve() };
}

/**
 * A pool on PostgreSQL. Several processes share the database: migrations take a lock there
 * (migrations-postgres.ts), so processes starting together apply each one once. `pg`, its types
 * and the migrations are loaded here, when first needed: on SQLite (the default) no process holds
 * them (1.8 MB of the sync process's heap, docs/performance.md).
 */
export function openPostgres(url: string, poolSize = 10): Db {
  const opening = openPool(url, poolSize);
  // Kysely takes its pool once, at its first query.
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: () => opening }) });
  const ready = opening.then(async (pool) => (await import('./migrations-postgres')).migratePostgres(pool));
  // Awaited by whoever starts the process (prepareDatabase); this keeps a failure from being
  // reported twice as unhandled.
  ready.catch(() => undefined);
  return { dialect: 'postgres', sqlite: null, kysely, ready };
}

async function openPool(url: string, poolSize: number): Promise<pg.Pool> {
  const [{ default: pgModule }, { postgresTypes }] = await Promise.all([import('pg'), import('./postgres-types')]);
  const pool = new pgModule.Pool({ connectionString: url, max: poolSize, types: postgresTypes });
  // An idle client whose server went away (a restart) reports here; the pool replaces it on
  // the next query. Without a listener the error would end the process.
  pool.on('error', (error) => console.error('database: idle connection lost', error.message));
  return pool;
}

const DB_KEY = Symbol.for('intervention-board.db');
const CHECKPOINTER_KEY = Symbol.for('intervention-board.wal-checkpointer');
type GlobalWithDb = typeof globalThis & { [DB_KEY]?: Db; [CHECKPOINTER_KEY]?: WalCheckpointer };

/**
 * The process-wide connection. Kept on globalThis because the custom server and the bundled
 * Next.js route handlers load separate copies of this module but must share one connection.
 */
export function db(): Db {
  const holder = globalThis as GlobalWithDb;
  if (!holder[DB_KEY]) {
    const url = env().DATABASE_URL;
    if (url) {
      holder[DB_KEY] = openPostgres(url);
    } else {
      const file = path.join(env().dataDir, 'board.sqlite');
      const opened = openDatabase(file);
      holder[DB_KEY] = opened;
      holder[CHECKPOINTER_KEY] = startWalCheckpointer(opened.sqlite, file);
    }
  }
  return holder[DB_KEY];
}

/** Opens the process's database and waits for its schema: called once at start, before serving. */
export async function prepareDatabase(): Promise<Db> {
  const opened = db();
  await opened.ready;
  return opened;
}

/**
 * Empties the write-ahead log into the database file (server/db/wal-checkpointer.ts), so that
 * old versions of pages, such as a deleted board's, are gone from the -wal file. Tries a few
 * times while readers hold it back; false if it never finished.
 */
export async function truncateWal(attempts = 5): Promise<boolean> {
  // PostgreSQL keeps no such file beside the records: its own log is the server's to recycle.
  if (db().dialect === 'postgres') return true;
  const checkpointer = (globalThis as GlobalWithDb)[CHECKPOINTER_KEY];
  for (let attempt = 0; checkpointer && attempt < attempts; attempt++) {
    if (await checkpointer.truncate()) return true;
  }
  return false;
}

export async function closeDatabase(): Promise<void> {
  const holder = globalThis as GlobalWithDb;
  await holder[CHECKPOINTER_KEY]?.stop();
  holder[CHECKPOINTER_KEY] = undefined;
  const open = holder[DB_KEY];
  holder[DB_KEY] = undefined;
  if (open?.sqlite) open.sqlite.close();
  else if (open) await open.kysely.destroy();
}
