import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { migrations } from './migrations';

/** Pages per backup step: all of them, so the copy is one read snapshot and never restarts. */
const ALL_PAGES = 0x7fffffff;

export interface BackupSummary {
  file: string;
  bytes: number;
  boards: number;
  loggedUpdates: number;
}

/** A new file for the owner only, before SQLite writes into it (it keeps the file's mode). */
function createOwnerOnly(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'wx', 0o600));
}

/** Checks a backup (or the restored file): intact, and of a schema this version knows. */
function verify(file: string): { boards: number; loggedUpdates: number } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} is damaged: ${String(check)}`);
    const newest = db.prepare('SELECT MAX(id) AS id FROM schema_migrations').pluck().get();
    const known = Math.max(...migrations.map((m) => m.id));
    if (typeof newest !== 'number' || newest > known)
      throw new Error(
        `${file} was made by a newer version of Harbor (schema ${String(newest)}, this one knows ${known}).`,
      );
    const count = (table: string) => Number(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get());
    return { boards: count('boards'), loggedUpdates: count('doc_updates') };
  } finally {
    db.close();
  }
}

/**
 * A consistent copy of the live database, taken with SQLite's online backup API while the server
 * runs: every page in one step, so the copy is one read snapshot (every transaction committed
 * before it, none after). A file copy of a WAL database could miss the log or tear a page. The
 * copy is one self-contained file (rollback journal), for the owner only.
 */
export async function backupDatabase(liveFile: string, backupFile: string): Promise<BackupSummary> {
  if (!existsSync(liveFile)) throw new Error(`There is no database at ${liveFile}.`);
  createOwnerOnly(backupFile);
  const live = new BetterSqlite3(liveFile, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    await live.backup(backupFile, { progress: () => ALL_PAGES });
  } finally {
    live.close();
  }
  const copy = new BetterSqlite3(backupFile, { fileMustExist: true });
  copy.pragma('journal_mode = DELETE');
  copy.close();
  chmodSync(backupFile, 0o600);
  return { file: backupFile, bytes: statSync(backupFile).size, ...verify(backupFile) };
}

export interface RestoreSummary extends BackupSummary {
  /** Where the database that was replaced was kept, or null when there was none. */
  previous: string | null;
}

/**
 * Brings a backup back as the live database. Only while the server is stopped: the file is
 * switched out of WAL mode first, which SQLite refuses while any other connection has it open.
 * The database it replaces is kept beside it (`.before-restore-<time>`), never deleted.
 */
export async function restoreDatabase(backupFile: string, liveFile: string, now = new Date()): Promise<RestoreSummary> {
  verify(backupFile);
  let previous: string | null = null;
  if (existsSync(liveFile)) {
    const live = new BetterSqlite3(liveFile, { fileMustExist: true });
    try {
      live.pragma('busy_timeout = 0');
      // Folds the log into the file and leaves it alone, or fails if the server has it open.
      if (live.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw new Error('busy');
    } catch {
      throw new Error('The database is in use: stop the server before restoring.');
    } finally {
      live.close();
    }
    previous = `${liveFile}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(liveFile, previous);
  }
  createOwnerOnly(liveFile);
  const source = new BetterSqlite3(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(liveFile, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  chmodSync(liveFile, 0o600);
  return { file: liveFile, bytes: statSync(liveFile).size, previous, ...verify(liveFile) };
}
