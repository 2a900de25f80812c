/**
 * Reading the stored documents (update log and checkpoints): the real server's SQLite file for
 * the integration tests, the in-process sync server's for the unit tests.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as Y from 'yjs';
import type { Database } from '../../server/db/schema';
import { latestReader } from '../../server/update-log/sqlite-storage';
import { applyStoredParts } from '../../server/yjs/storage';
import { containsBytes } from './bytes';

export function dbFile(dataDir: string): string {
  return path.join(dataDir, 'board.sqlite');
}

/**
 * Opens the server's SQLite file read-only. Works while the server runs (WAL) and after a
 * SIGKILL (the -wal and -shm files are still there and hold the committed tail).
 */
export function openStore(dataDir: string): BetterSqlite3.Database {
  return new BetterSqlite3(dbFile(dataDir), { readonly: true, fileMustExist: true });
}

/**
 * A private copy of the database files, for reading a crashed server's data without touching
 * the originals (SQLite may need to rebuild the WAL index, which a read-only handle cannot).
 */
export function snapshotStore(dataDir: string): { db: BetterSqlite3.Database; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'board-snapshot-'));
  for (const suffix of ['', '-wal', '-shm']) {
    const source = dbFile(dataDir) + suffix;
    if (existsSync(source)) copyFileSync(source, path.join(dir, `board.sqlite${suffix}`));
  }
  const db = new BetterSqlite3(path.join(dir, 'board.sqlite'), { fileMustExist: true });
  return {
    db,
    dispose: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The stored state of a document (checkpoint + log), read as the sync process reads it on SQLite. */
export function storedDoc(db: BetterSqlite3.Database, docName: string): Y.Doc {
  return applyStoredParts(latestReader(db)(docName)).doc;
}

export function withStoredDoc<T>(db: BetterSqlite3.Database, docName: string, read: (doc: Y.Doc) => T): T {
  const doc = storedDoc(db, docName);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}

export function loggedCount(db: BetterSqlite3.Database, docName: string): number {
  const row = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?').get(docName) as { n: number };
  return row.n;
}

/** loggedCount under the name the sync server's tests use in their assertions. */
export const storedCount = loggedCount;

export function checkpointSeqs(db: BetterSqlite3.Database, docName: string): number[] {
  return (
    db.prepare('SELECT seq FROM doc_checkpoints WHERE doc = ? ORDER BY seq').all(docName) as Array<{ seq: number }>
  ).map((row) => row.seq);
}

/** Whether any stored update or checkpoint, of any document, contains these bytes. */
export function storageContains(db: BetterSqlite3.Database, needle: Uint8Array): boolean {
  const rows = [
    ...(db.prepare('SELECT bytes AS b FROM doc_updates').all() as Array<{ b: Buffer }>),
    ...(db.prepare('SELECT state AS b FROM doc_checkpoints').all() as Array<{ b: Buffer }>),
  ];
  return rows.some((row) => containsBytes(row.b, needle));
}

/** Names of every document with stored updates or checkpoints. */
export function storedDocNames(db: BetterSqlite3.Database): string[] {
  const rows = db
    .prepare('SELECT doc FROM doc_updates UNION SELECT doc FROM doc_checkpoints ORDER BY doc')
    .all() as Array<{ doc: string }>;
  return rows.map((row) => row.doc);
}

/** The query layer over a test's own SQLite handle, for the functions that read the log through Kysely. */
export function queriesOn(db: BetterSqlite3.Database): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: db }) });
}
