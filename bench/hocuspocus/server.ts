/**
 * The Hocuspocus reference: what a team choosing a sync server would likely run (Outline's
 * choice). @hocuspocus/server 3.4 (4.x needs Node 22) with its defaults (2 s debounce, at most
 * 10 s, 30 s ping timeout, documents unloaded as their last connection leaves, gc on), no
 * authentication hook (every token is accepted), and @hocuspocus/extension-database storing
 * each document's whole state into SQLite through better-sqlite3 (documents.ts).
 *
 * Run: PORT=... DB_FILE=... node --import tsx bench/hocuspocus/server.ts (the bench starts it).
 */
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import { DocumentTable } from './documents';

const dbFile = process.env.DB_FILE;
if (!dbFile) throw new Error('DB_FILE is required');
const table = new DocumentTable(dbFile);

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  // Hocuspocus 3.4 passes this to Node's listen() as `address`, which Node ignores (it reads
  // `host`): the server listens on every interface, on a random port, for the run's length.
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => table.fetch(documentName),
      store: async ({ documentName, state }) => table.store(documentName, state),
    }),
  ],
  async onListen({ port }) {
    console.log(`hocuspocus ready on ${port}`);
  },
  async onDestroy() {
    table.close();
  },
});

// Hocuspocus stops itself on SIGTERM and SIGINT (stopOnSignals): it stores what is pending first.
void server.listen();
