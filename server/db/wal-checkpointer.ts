import type BetterSqlite3 from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** How often the worker moves the WAL back into the database file. */
export const CHECKPOINT_EVERY_MS = 1000;

/** SQLite's own default, restored if the worker cannot run. */
const AUTOCHECKPOINT_PAGES = 1000;

// Plain JavaScript, run by the worker: a handful of lines need no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error));
  }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message && message.type === 'truncate') {
    let done = false;
    try {
      done = db.pragma('wal_checkpoint(TRUNCATE)')[0].busy === 0;
    } catch (error) {
      parentPort.postMessage(String(error));
    }
    parentPort.postMessage({ type: 'truncated', id: message.id, done });
    return;
  }
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /**
   * Copies the whole log into the database file and empties it (TRUNCATE): afterwards no old
   * page version, such as a deleted board's, is left in the -wal file. Resolves false when a
   * reader kept it from finishing within the worker's busy timeout (1 s), or the worker is gone.
   * It holds new writers back while it waits, so it is only for rare moments like a deletion.
   */
  truncate(): Promise<boolean>;
  stop(): Promise<void>;
}

function isTruncated(message: unknown): message is { type: 'truncated'; id: number; done: boolean } {
  return typeof message === 'object' && message !== null && Reflect.get(message, 'type') === 'truncated';
}

/**
 * SQLite checkpoints the write-ahead log inside whichever commit makes it cross 1,000 pages:
 * that commit, an edit someone is typing, then also copies the log into the database file and
 * syncs it (11 ms in the capacity profile, docs/performance.md). Here the connection stops
 * doing that, and a worker thread with its own connection checkpoints every second in PASSIVE
 * mode, which never waits for or blocks a writer. If the worker fails, the connection goes back
 * to checkpointing by itself, so the log never grows without bound.
 */
export function startWalCheckpointer(
  sqlite: BetterSqlite3.Database,
  file: string,
  everyMs: number = CHECKPOINT_EVERY_MS,
): WalCheckpointer {
  sqlite.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  let running = true;
  const fallBack = (why: string): void => {
    if (stopping || !sqlite.open) return;
    console.error('wal-checkpointer', why);
    sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, everyMs } });
  // Never what keeps the process alive.
  worker.unref();
  let nextId = 0;
  const truncations = new Map<number, (done: boolean) => void>();
  worker.on('message', (message: unknown) => {
    if (!isTruncated(message)) return console.error('wal-checkpointer', String(message));
    truncations.get(message.id)?.(message.done);
    truncations.delete(message.id);
  });
  worker.on('error', (error) => fallBack(error.message));
  worker.on('exit', (code) => {
    running = false;
    for (const resolve of truncations.values()) resolve(false);
    truncations.clear();
    fallBack(`stopped with code ${code}`);
  });
  return {
    truncate() {
      if (!running || stopping) return Promise.resolve(false);
      const id = nextId++;
      return new Promise<boolean>((resolve) => {
        truncations.set(id, resolve);
        worker.postMessage({ type: 'truncate', id });
      });
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      if (!running) return;
      // Held alive until it has closed its connection (or is terminated after 2 s).
      worker.ref();
      let timer: NodeJS.Timeout | undefined;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, 2000);
      });
      worker.postMessage('stop');
      await Promise.race([exited, late]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}
