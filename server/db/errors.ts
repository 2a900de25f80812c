/**
 * What a database error means, whichever database raised it: better-sqlite3's SqliteError and
 * pg's DatabaseError both carry a `code` (SQLite's name, PostgreSQL's SQLSTATE).
 */
function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** A UNIQUE constraint refused the row (an address already registered). */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** PostgreSQL gave up a transaction that lost a race with another (serialization, deadlock): run it again. */
export function lostARace(error: unknown): boolean {
  const code = codeOf(error);
  return code === '40001' || code === '40P01';
}
