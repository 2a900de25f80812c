/**
 * Reading what a running server stored, on whichever database the suite runs (its SQLite file,
 * or its PostgreSQL database when TEST_DATABASE=postgres), through the same query layer and
 * rebuild as the server itself.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type * as Y from 'yjs';
import { postgresTypes } from '../../server/db/postgres-types';
import type { Database } from '../../server/db/schema';
import { rebuildLatest } from '../../server/update-log/rebuild';
import { containsBytes } from './bytes';
import { dbFile } from './stored-docs';
import type { RunningServer } from './server';

export interface StoreReader {
  kysely: Kysely<Database>;
  /** The stored state of a document (checkpoint and log), rebuilt; the caller destroys it. */
  doc(docName: string): Promise<Y.Doc>;
  loggedCount(docName: string): Promise<number>;
  /** The sequence numbers of a document's logged updates, in order. */
  loggedSeqs(docName: string): Promise<number[]>;
  /** Names of every document with stored updates or checkpoints, in byte order. */
  docNames(): Promise<string[]>;
  /** Whether any stored update or checkpoint, of any document, holds these bytes. */
  contains(needle: Uint8Array): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * `write`: for a test that changes a record as time passing would (a session's expiry); on
 * SQLite it then waits for the server's own writes rather than failing on a busy file.
 */
export function readStoreOf(
  server: Pick<RunningServer, 'dataDir' | 'databaseUrl'>,
  options: { write?: boolean } = {},
): StoreReader {
  const kysely = new Kysely<Database>({
    dialect: server.databaseUrl
      ? new PostgresDialect({
          pool: new pg.Pool({ connectionString: server.databaseUrl, max: 2, types: postgresTypes }),
        })
      : new SqliteDialect({ database: sqliteFile(server.dataDir, options.write ?? false) }),
  });
  return {
    kysely,
    doc: async (docName) => (await rebuildLatest(kysely, docName)).doc,
    loggedCount: async (docName) => {
      const row = await kysely
        .selectFrom('doc_updates')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('doc', '=', docName)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    docNames: async () => {
      const updates = await kysely.selectFrom('doc_updates').select('doc').distinct().execute();
      const checkpoints = await kysely.selectFrom('doc_checkpoints').select('doc').distinct().execute();
      const names = new Set([...updates, ...checkpoints].map((row) => row.doc));
      return [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    },
    contains: async (needle) => {
      const updates = await kysely.selectFrom('doc_updates').select('bytes as b').execute();
      const checkpoints = await kysely.selectFrom('doc_checkpoints').select('state as b').execute();
      return [...updates, ...checkpoints].some((row) => containsBytes(row.b, needle));
    },
    loggedSeqs: async (docName) =>
      (await kysely.selectFrom('doc_updates').select('seq').where('doc', '=', docName).orderBy('seq').execute()).map(
        (row) => row.seq,
      ),
    close: () => kysely.destroy(),
  };
}

function sqliteFile(dataDir: string, write: boolean): BetterSqlite3.Database {
  const file = new BetterSqlite3(dbFile(dataDir), { readonly: !write, fileMustExist: true });
  if (write) file.pragma('busy_timeout = 5000');
  return file;
}

/** The stored text (the `text` field) of a document in a PostgreSQL database, read on a connection of its own. */
export async function storedTextOn(databaseUrl: string, docName: string): Promise<string> {
  const store = readStoreOf({ dataDir: '', databaseUrl });
  try {
    const doc = await store.doc(docName);
    const text = doc.getText('text').toString();
    doc.destroy();
    return text;
  } finally {
    await store.close();
  }
}
