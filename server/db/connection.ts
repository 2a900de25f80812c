import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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

export function openDatabase(file: string): Db {
  const sqlite = new BetterSqlite3(file);
  // WAL lets the Next.js handlers and the realtime server share the file; NORMAL keeps a
  // committed transaction durable across a process crash (only an OS crash can lose the tail).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
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

export async function closeDatabase(): Promise<void> {
  const holder = globalThis as GlobalWithDb;
  await holder[CHECKPOINTER_KEY]?.stop();
  holder[CHECKPOINTER_KEY] = undefined;
  holder[DB_KEY]?.sqlite.close();
  holder[DB_KEY] = undefined;
}
