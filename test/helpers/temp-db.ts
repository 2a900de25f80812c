/** Temporary database files for unit tests, each in a folder of its own, removed after the file's tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const tempDirs: string[] = [];

export function tempDbFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'test-db-'));
  tempDirs.push(dir);
  return path.join(dir, 'test.sqlite');
}

/** Run after each file's tests (`after(removeTempDbs)`), once every database is closed. */
export function removeTempDbs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
