import type BetterSqlite3 from 'better-sqlite3';
import type { Compilable } from 'kysely';
import { db } from './connection';

/**
 * Record writes that must be atomic with what they read (a count checked, then an update), run
 * synchronously on the raw connection inside one immediate transaction, with queries still built
 * by Kysely. Immediate: the write lock is taken at BEGIN, so no other process (the sync process
 * writes the same file) can commit between the read and the write; a deferred transaction that
 * reads and then writes fails with SQLITE_BUSY_SNAPSHOT when one did. Synchronous: nothing else
 * in this process runs in between either, so the lock is held only for these statements.
 */
export function immediately<T>(work: () => T): T {
  const sqlite = db().sqlite;
  // An async (Kysely) transaction left open across an await on this connection would swallow
  // this one as a savepoint, and its rollback would undo it: refuse rather than merge them.
  if (sqlite.inTransaction) throw new Error('immediately() called while another transaction is open');
  return sqlite.transaction(work).immediate();
}

function statementFor(sqlite: BetterSqlite3.Database, query: Compilable<unknown>) {
  const { sql, parameters } = query.compile();
  return { statement: sqlite.prepare(sql), parameters };
}

/** Runs a query now, synchronously: its rows (a select, or a write with RETURNING), else none. */
export function rowsNow<R>(query: Compilable<R>, sqlite: BetterSqlite3.Database = db().sqlite): R[] {
  const { statement, parameters } = statementFor(sqlite, query);
  if (!statement.reader) {
    statement.run(...parameters);
    return [];
  }
  return statement.all(...parameters) as R[];
}

/** The first row of a query run now, or undefined. */
export function firstNow<R>(query: Compilable<R>, sqlite: BetterSqlite3.Database = db().sqlite): R | undefined {
  return rowsNow(query, sqlite)[0];
}

/** Runs a write now, synchronously, and returns how many rows it changed. */
export function writeNow(query: Compilable<unknown>, sqlite: BetterSqlite3.Database = db().sqlite): number {
  const { statement, parameters } = statementFor(sqlite, query);
  return statement.run(...parameters).changes;
}
