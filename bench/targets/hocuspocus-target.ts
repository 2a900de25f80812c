import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/helpers/server';
import { checkHocuspocusWire } from '../hocuspocus/check';
import { DocumentTable } from '../hocuspocus/documents';
import { ProbeClient } from '../probe/probe-client';
import { spawnServer } from './spawn-server';
import type { Target } from './types';

/**
 * bench/hocuspocus/server.ts in its own process, started exactly like the product and the relay
 * (tsx, --expose-gc, probe), with its SQLite file in a temporary folder. Before any scenario,
 * the bench's framing is checked against the real HocuspocusProvider on this very server.
 */
export async function startHocuspocus(log: (message: string) => void): Promise<Target> {
  const port = await freePort();
  const probePort = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'harbor-bench-hocuspocus-'));
  const dbFile = path.join(dataDir, 'documents.sqlite');
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  const server = await spawnServer({
    script: 'bench/hocuspocus/server.ts',
    ready: `hocuspocus ready on ${port}`,
    env: { PORT: String(port), DB_FILE: dbFile, BENCH_PROBE_PORT: String(probePort) },
  }).catch((error: unknown) => {
    removeData();
    throw error;
  });
  const stop = async () => {
    await server.stop();
    removeData();
  };
  const wsBase = `ws://127.0.0.1:${port}`;
  try {
    log(`  hocuspocus: ${await checkHocuspocusWire(wsBase, dbFile)}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    name: 'hocuspocus',
    wire: 'hocuspocus',
    wsBase,
    httpBase: `http://127.0.0.1:${port}`,
    endpoints: null,
    relayPids: [server.pid],
    pids: [server.pid],
    databasePids: null,
    probe: new ProbeClient(probePort),
    dbFile: null,
    countLogged: null,
    accounts: () => [],
    // Same document names as the product's, so that all three see the same bytes on the wire.
    prepareBoards: async (count, editors) =>
      Array.from({ length: count }, () => ({
        docName: `board/${randomUUID()}/attempt/1`,
        cookies: Array.from({ length: editors }, () => null),
      })),
    // What Hocuspocus would hold after the same edits: the document's whole state, one row.
    seed: (docName, generated) => {
      const table = new DocumentTable(dbFile);
      try {
        table.store(docName, generated.finalState);
      } finally {
        table.close();
      }
    },
    output: server.output,
    stop,
  };
}
