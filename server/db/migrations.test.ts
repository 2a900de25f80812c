import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { removeTempDbs, tempDbFile } from '../../test/helpers/temp-db';
import { migrate, migrations } from './migrations';

after(removeTempDbs);

/** A database as it was before a migration: the ones before it applied and recorded. */
function databaseBefore(id: number): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(tempDbFile());
  sqlite.pragma('foreign_keys = ON');
  sqlite.exec(
    'CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  for (const migration of migrations.filter((m) => m.id < id)) {
    sqlite.exec(migration.sql);
    sqlite.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.id, migration.name, 0);
  }
  return sqlite;
}

test('readiness keeps its check-ins when "holding" becomes optional, and still refuses other values', () => {
  const sqlite = databaseBefore(4);
  sqlite.exec(`
    INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'a@example.org', 'Ana', 'x', 0);
    INSERT INTO boards (id, title, created_by, created_at) VALUES ('b1', 'Helping Sam', 'u1', 0);
    INSERT INTO readiness VALUES ('b1', 1, 'u1', 'yes', 'unsure', 'The rent line', 5);
  `);
  migrate(sqlite);
  assert.deepEqual(sqlite.prepare('SELECT * FROM readiness').all(), [
    {
      board_id: 'b1',
      attempt: 1,
      user_id: 'u1',
      attending: 'yes',
      holding: 'unsure',
      note: 'The rent line',
      updated_at: 5,
    },
  ]);
  sqlite.prepare("INSERT INTO readiness VALUES ('b1', 2, 'u1', 'yes', NULL, '', 6)").run();
  assert.throws(() => sqlite.prepare("INSERT INTO readiness VALUES ('b1', 3, 'u1', 'yes', 'maybe', '', 7)").run());
  // The rebuilt table still belongs to its board.
  sqlite.prepare("DELETE FROM boards WHERE id = 'b1'").run();
  assert.deepEqual(sqlite.prepare('SELECT COUNT(*) AS n FROM readiness').get(), { n: 0 });
  sqlite.close();
});
