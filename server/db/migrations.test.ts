import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { removeTempDbs, tempDbFile } from '../../test/helpers/temp-db';
import { migrate, migrations } from './migrations';
import { unpackCheckpoint, type CheckpointRow } from '../update-log/checkpoint-parts';

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

test('invites used before approval existed count as approved; open interventionist invites last a day at most', () => {
  const sqlite = databaseBefore(7);
  const day = 86_400_000;
  sqlite.exec(`
    INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'a@example.org', 'Ana', 'x', 0);
    INSERT INTO boards (id, title, created_by, created_at) VALUES ('b1', 'Helping Sam', 'u1', 0);
    INSERT INTO invites (id, board_id, token_hash, role, created_by, created_at, expires_at, used_at, used_by)
      VALUES ('used', 'b1', 'h1', 'family', 'u1', 0, ${7 * day}, 50, 'u1'),
             ('lead', 'b1', 'h2', 'interventionist', 'u1', 10, ${10 + 7 * day}, NULL, NULL),
             ('open', 'b1', 'h3', 'viewer', 'u1', 20, ${20 + 7 * day}, NULL, NULL);
    INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ('s1', 'u1', 0, 1);
  `);
  migrate(sqlite);
  const rows = sqlite.prepare('SELECT id, decision, decided_at, expires_at, label FROM invites ORDER BY id').all();
  assert.deepEqual(rows, [
    { id: 'lead', decision: null, decided_at: null, expires_at: 10 + day, label: '' },
    { id: 'open', decision: null, decided_at: null, expires_at: 20 + 7 * day, label: '' },
    { id: 'used', decision: 'approved', decided_at: 50, expires_at: 7 * day, label: '' },
  ]);
  assert.deepEqual(sqlite.prepare('SELECT user_agent, last_seen_at, shared FROM sessions').get(), {
    user_agent: '',
    last_seen_at: null,
    shared: 0,
  });
  sqlite.close();
});

test('checkpoints written before they had parts read back as the one update they hold', () => {
  const sqlite = databaseBefore(8);
  sqlite
    .prepare("INSERT INTO doc_checkpoints (doc, seq, at, state) VALUES ('board/b1/attempt/1', 4, 9, ?)")
    .run(Buffer.from([0, 0]));
  migrate(sqlite);
  const row = sqlite.prepare('SELECT state, parts FROM doc_checkpoints').get() as CheckpointRow;
  assert.deepEqual(
    unpackCheckpoint(row).map((part) => [...part]),
    [[0, 0]],
  );
  assert.throws(() =>
    sqlite.prepare("INSERT INTO doc_checkpoints VALUES ('board/b1/attempt/1', 5, 9, x'0000', 0)").run(),
  );
  sqlite.close();
});
