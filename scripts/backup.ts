/**
 * `npm run backup [-- <file>]`: a consistent copy of the live database, taken while the server
 * runs (server/db/backup.ts, SQLite's online backup API). DATA_DIR as for the server; without a
 * file, the copy goes to <DATA_DIR>/backups/board-<time>.sqlite (0600, in a 0700 folder).
 */
import path from 'node:path';
import { backupDatabase } from '../server/db/backup';
import { env } from '../server/env';

async function main(): Promise<void> {
  if (env().DATABASE_URL) {
    throw new Error(
      'the records are on PostgreSQL (DATABASE_URL): use pg_dump and pg_restore, as docs/deploy.md describes',
    );
  }
  const { dataDir } = env();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.resolve(process.argv[2] ?? path.join(dataDir, 'backups', `board-${stamp}.sqlite`));
  const summary = await backupDatabase(path.join(dataDir, 'board.sqlite'), target);
  console.log(
    `backup written: ${summary.file} (${summary.bytes} bytes, ${summary.boards} boards, ${summary.loggedUpdates} logged edits)`,
  );
  console.log('It holds everything on the server, deleted boards up to now included: keep it as safe as the server.');
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
