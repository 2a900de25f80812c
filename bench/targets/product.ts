import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { freePort } from '../../test/helpers/server';
import { seedLog } from '../seed/store';
import { ProductPeople } from './product-people';
import { startProductProcess } from './product-process';
import type { Target } from './types';

/**
 * The product as `npm start` runs it: one process on a free port, its records and update log in
 * one SQLite file of a temporary data folder, with the bench's people registered
 * (product-people.ts).
 */
export async function startProduct(appDir: string): Promise<Target> {
  const running = await startProductProcess(appDir, await freePort());
  let people: ProductPeople;
  try {
    people = await ProductPeople.register(running.httpBase);
  } catch (error) {
    await running.stop();
    throw error;
  }
  const dbFile = path.join(running.dataDir, 'board.sqlite');
  return {
    name: 'product',
    wire: 'y-websocket',
    wsBase: running.wsBase,
    httpBase: running.httpBase,
    endpoints: null,
    relayPids: [running.syncPid],
    pids: [running.server.pid, running.syncPid],
    databasePids: null,
    probe: running.probe,
    dbFile,
    countLogged: async (docName) => countLogged(dbFile, docName),
    // Through its own UpdateStore, attributed to the boards' interventionist (seed/store.ts).
    seed: (docName, log) => seedLog(dbFile, docName, people.lead.userId, log),
    accounts: () => people.accounts(),
    prepareBoards: (count, wanted) => people.prepareBoards(count, wanted),
    output: running.server.output,
    stop: running.stop,
  };
}

function countLogged(dbFile: string, docName: string): number {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  try {
    const row = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?').get(docName) as
      { n: number } | undefined;
    return row?.n ?? 0;
  } finally {
    db.close();
  }
}
