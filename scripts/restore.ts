/**
 * `npm run restore -- <backup file>`: brings a backup made by `npm run backup` back as the live
 * database of DATA_DIR. Stop the server first (it refuses otherwise); the database it replaces
 * is kept beside it as board.sqlite.before-restore-<time>.
 */
import path from 'node:path';
import { restoreDatabase } from '../server/db/backup';
import { env } from '../server/env';

async function main(): Promise<void> {
  if (env().DATABASE_URL) {
    throw new Error(
      'the records are on PostgreSQL (DATABASE_URL): use pg_dump and pg_restore, as docs/deploy.md describes',
    );
  }
  const backup = process.argv[2];
  if (!backup) throw new Error('name the backup to restore: npm run restore -- <file>');
  const summary = await restoreDatabase(path.resolve(backup), path.join(env().dataDir, 'board.sqlite'));
  console.log(`restored ${summary.file} (${summary.boards} boards, ${summary.loggedUpdates} logged edits)`);
  if (summary.previous) console.log(`the database it replaced is kept at ${summary.previous}`);
}

main().catch((error: unknown) => {
  console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
