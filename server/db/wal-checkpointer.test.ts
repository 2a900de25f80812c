import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { startWalCheckpointer } from './wal-checkpointer';

const dir = mkdtempSync(path.join(tmpdir(), 'wal-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function openLog(name: string): { sqlite: BetterSqlite3.Database; file: string } {
  const file = path.join(dir, name);
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('CREATE TABLE log (id INTEGER PRIMARY KEY, bytes BLOB)');
  return { sqlite, file };
}

/** About 8 MB in 160 commits over about 1.6 s, as a busy board's update log grows. */
async function writeMegabytes(sqlite: BetterSqlite3.Database): Promise<void> {
  const insert = sqlite.prepare('INSERT INTO log (bytes) VALUES (?)');
  for (let i = 0; i < 160; i++) {
    insert.run(Buffer.alloc(50_000, i % 256));
    await sleep(10);
  }
}

const walBytes = (file: string): number => statSync(`${file}-wal`).size;

test('the worker keeps the log small while the connection never checkpoints in a commit', async () => {
  const { sqlite, file } = openLog('checkpointed.sqlite');
  const checkpointer = startWalCheckpointer(sqlite, file, 100);
  assert.equal(sqlite.pragma('wal_autocheckpoint', { simple: true }), 0);
  await writeMegabytes(sqlite);
  await checkpointer.stop();
  assert.ok(walBytes(file) < 4_000_000, `log is ${walBytes(file)} bytes`);
  assert.equal(sqlite.prepare('SELECT COUNT(*) AS n FROM log').pluck().get(), 160);
  sqlite.close();
});

test('without it, the same writes with automatic checkpoints off grow the log to their full size', async () => {
  const { sqlite, file } = openLog('unchecked.sqlite');
  sqlite.pragma('wal_autocheckpoint = 0');
  await writeMegabytes(sqlite);
  assert.ok(walBytes(file) > 7_000_000, `log is ${walBytes(file)} bytes`);
  sqlite.close();
});

test('a worker that cannot open the database hands checkpointing back to the connection', async () => {
  const { sqlite } = openLog('fallback.sqlite');
  const checkpointer = startWalCheckpointer(sqlite, path.join(dir, 'missing', 'nothing.sqlite'), 100);
  const deadline = Date.now() + 5000;
  while (sqlite.pragma('wal_autocheckpoint', { simple: true }) === 0 && Date.now() < deadline) await sleep(20);
  assert.equal(sqlite.pragma('wal_autocheckpoint', { simple: true }), 1000);
  await checkpointer.stop();
  sqlite.close();
});

test('truncate empties the log, so that no old version of a page stays in it', async () => {
  const { sqlite, file } = openLog('truncated.sqlite');
  const checkpointer = startWalCheckpointer(sqlite, file, 60_000);
  const marker = Buffer.from('deleted-text-marker');
  sqlite.prepare('INSERT INTO log (bytes) VALUES (?)').run(marker);
  sqlite.pragma('secure_delete = ON');
  sqlite.prepare('DELETE FROM log').run();
  assert.ok(walBytes(file) > 0, 'the deletion went to the log first');
  assert.equal(await checkpointer.truncate(), true);
  assert.equal(walBytes(file), 0);
  await checkpointer.stop();
  assert.equal(await checkpointer.truncate(), false, 'a stopped checkpointer says it did not');
  sqlite.close();
});
