import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { env } from '../env';
import { migrate } from './migrations';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';
import type { Database } from './schema';

export interface Db {
  /** The raw connection, for the update log's synchronous hot path. */
  sqlite: BetterSqlite3.Database;
  /** The query layer for records; speaks PostgreSQL too when the project grows. */
  kysely: Kysely<Database>;
}

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

export function openDatabase(file: string): Db {
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
  return { sqlite, kysely };
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
    const file = path.join(env().dataDir, 'board.sqlite');
    const opened = openDatabase(file);
    holder[DB_KEY] = opened;
    holder[CHECKPOINTER_KEY] = startWalCheckpointer(opened.sqlite, file);
  }
  return holder[DB_KEY];
}

/**
 * Empties the write-ahead log into the database file (server/db/wal-checkpointer.ts), so that
 * old versions of pages, such as a deleted board's, are gone from the -wal file. Tries a few
 * times while readers hold it back; false if it never finished.
 */
export async function truncateWal(attempts = 5): Promise<boolean> {
  db();
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
  holder[DB_KEY]?.sqlite.close();
  holder[DB_KEY] = undefined;
}
