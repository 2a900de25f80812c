import BetterSqlite3 from 'better-sqlite3';
import { UpdateStore } from '../../server/update-log/update-store';
import type { GeneratedLog } from './generate';

/** Spacing of the seeded log's server times: 50k edits over about a month of use. */
const SPACING_MS = 50_000;

/**
 * Appends a generated log to the product's update log through the server's own UpdateStore,
 * with the checkpoints the server would have written along the way. The room is not loaded
 * (nobody has opened the document yet), and SQLite's WAL lets this process write the file the
 * running server has open, so the next join loads exactly what a long-lived board holds.
 * Batched in transactions of a thousand: one commit per row would take a minute.
 */
export function seedLog(dbFile: string, docName: string, userId: string, log: GeneratedLog): void {
  const db = new BetterSqlite3(dbFile);
  try {
    db.pragma('busy_timeout = 5000');
    const store = new UpdateStore(db);
    const start = Date.now() - log.updates.length * SPACING_MS;
    const byUpdate = new Map(log.checkpoints.map((c) => [c.afterUpdate, c.parts]));
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const update = log.updates[i];
        if (!update) continue;
        const at = start + i * SPACING_MS;
        const seq = store.append(docName, userId, update, at);
        const parts = byUpdate.get(i + 1);
        if (parts) store.writeCheckpoint(docName, seq, parts, at);
      }
    });
    for (let from = 0; from < log.updates.length; from += 1000) batch(from, Math.min(from + 1000, log.updates.length));
  } finally {
    db.close();
  }
}
