import assert from 'node:assert/strict';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { removeTempDbs, tempDbFile } from '../../test/helpers/temp-db';
import { backupDatabase, restoreDatabase } from './backup';
import { migrate } from './migrations';

after(removeTempDbs);

function liveDatabase(): { file: string; sqlite: BetterSqlite3.Database } {
  const file = tempDbFile();
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  migrate(sqlite);
  sqlite.exec(`INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'a@example.org', 'Ana', 'x', 0);
    INSERT INTO boards (id, title, created_by, created_at) VALUES ('b1', 'Helping Sam', 'u1', 0);`);
  return { file, sqlite };
}

const mode = (file: string) => statSync(file).mode & 0o777;

test('a backup taken while a connection writes is a whole, owner-only file that restores in its place', async () => {
  const { file, sqlite } = liveDatabase();
  const backup = path.join(path.dirname(file), 'backups', 'copy.sqlite');
  const summary = await backupDatabase(file, backup);
  assert.equal(summary.boards, 1);
  assert.equal(mode(backup), 0o600);
  assert.equal(mode(path.dirname(backup)), 0o700);
  assert.equal(existsSync(`${backup}-wal`), false, 'one self-contained file');
  await assert.rejects(backupDatabase(file, backup), 'an existing file is never overwritten');

  sqlite.exec(`INSERT INTO boards (id, title, created_by, created_at) VALUES ('b2', 'After the backup', 'u1', 1)`);
  await assert.rejects(restoreDatabase(backup, file), /stop the server/, 'refused while the database is open');
  sqlite.close();

  const restored = await restoreDatabase(backup, file, new Date(0));
  assert.equal(restored.boards, 1);
  assert.equal(mode(file), 0o600);
  assert.ok(restored.previous && existsSync(restored.previous), 'the replaced database is kept');
  const reopened = new BetterSqlite3(file, { readonly: true });
  assert.deepEqual(reopened.prepare('SELECT id FROM boards').pluck().all(), ['b1']);
  reopened.close();
  const kept = new BetterSqlite3(restored.previous ?? '', { readonly: true });
  assert.deepEqual(kept.prepare('SELECT id FROM boards ORDER BY id').pluck().all(), ['b1', 'b2']);
  kept.close();
});

test('a damaged file or one from a newer version is not restored', async () => {
  const { file, sqlite } = liveDatabase();
  sqlite.close();
  const junk = path.join(path.dirname(file), 'junk.sqlite');
  writeFileSync(junk, 'not a database at all, just text');
  await assert.rejects(restoreDatabase(junk, file));
  const newer = path.join(path.dirname(file), 'newer.sqlite');
  await backupDatabase(file, newer);
  const db = new BetterSqlite3(newer);
  db.prepare('INSERT INTO schema_migrations VALUES (999, ?, 0)').run('from the future');
  db.close();
  await assert.rejects(restoreDatabase(newer, file), /newer version/);
});
