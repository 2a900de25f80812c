import { sql, type Kysely } from 'kysely';
import { db } from './connection';
import { lostARace } from './errors';
import type { Database } from './schema';

/** The query layer inside a transaction; the same type as outside, so helpers take either. */
export type Tx = Kysely<Database>;

/** How often a PostgreSQL transaction that lost a serialization race is run again. */
const SERIALIZATION_RETRIES = 5;

/**
 * Record writes that must be atomic with what they read (a count checked, then an update): one
 * transaction that no other writer can commit into between the read and the write.
 *
 * - SQLite: `BEGIN IMMEDIATE` on the one connection Kysely holds (its driver lends it to one
 *   caller at a time, so other queries of this process wait). The write lock is taken at BEGIN,
 *   so the sync process, which writes the same file, cannot commit in between; a deferred
 *   transaction that reads and then writes fails with SQLITE_BUSY_SNAPSHOT when it did.
 * - PostgreSQL: SERIALIZABLE, run again when it loses a race with another process (40001) or
 *   a deadlock is broken (40P01). `work` must therefore do nothing but queries on `tx`: side
 *   effects (notifications, sends) go after transact() returns.
 *
 * Never call transact() inside `work`: on SQLite the inner one would wait for the connection
 * the outer one holds.
 */
export async function transact<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const { dialect, kysely } = db();
  if (dialect === 'sqlite') {
    return kysely.connection().execute(async (connection) => {
      await sql`BEGIN IMMEDIATE`.execute(connection);
      let result: T;
      try {
        result = await work(connection);
      } catch (error) {
        await sql`ROLLBACK`.execute(connection);
        throw error;
      }
      await sql`COMMIT`.execute(connection);
      return result;
    });
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await kysely.transaction().setIsolationLevel('serializable').execute(work);
    } catch (error) {
      if (attempt >= SERIALIZATION_RETRIES || !lostARace(error)) throw error;
    }
  }
}

/** Reads that must see one state (several queries that belong together), without writing. */
export async function readConsistently<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const { dialect, kysely } = db();
  if (dialect === 'sqlite') {
    return kysely.connection().execute(async (connection) => {
      await sql`BEGIN DEFERRED`.execute(connection);
      try {
        return await work(connection);
      } finally {
        await sql`COMMIT`.execute(connection);
      }
    });
  }
  return kysely.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
}

/** How many rows a write changed (Kysely reports it as a bigint). */
export function changed(
  result: { numUpdatedRows?: bigint; numDeletedRows?: bigint; numInsertedOrUpdatedRows?: bigint } | undefined,
): number {
  return Number(result?.numUpdatedRows ?? result?.numDeletedRows ?? result?.numInsertedOrUpdatedRows ?? 0n);
}
