import { randomUUID } from 'node:crypto';
import { freePort } from '../../test/helpers/server';
import { ProbeClient } from '../probe/probe-client';
import { spawnServer } from './spawn-server';
import type { Target } from './types';

/** bench/relay.ts in its own process, started exactly like the product (tsx, --expose-gc, probe). */
export async function startRelay(): Promise<Target> {
  const port = await freePort();
  const probePort = await freePort();
  const server = await spawnServer({
    script: 'bench/relay.ts',
    ready: `relay ready on ${port}`,
    env: { PORT: String(port), BENCH_PROBE_PORT: String(probePort) },
  });
  return {
    name: 'relay',
    wire: 'y-websocket',
    wsBase: `ws://127.0.0.1:${port}`,
    httpBase: `http://127.0.0.1:${port}`,
    endpoints: null,
    relayPids: [server.pid],
    pids: [server.pid],
    databasePids: null,
    probe: new ProbeClient(probePort),
    dbFile: null,
    countLogged: null,
    // It keeps nothing: a client brings it the document (scenario 4's holder).
    seed: null,
    accounts: () => [],
    // Same document names as the product's, so that all three see the same bytes on the wire.
    prepareBoards: async (count, editors) =>
      Array.from({ length: count }, () => ({
        docName: `board/${randomUUID()}/attempt/1`,
        cookies: Array.from({ length: editors }, () => null),
      })),
    output: server.output,
    stop: server.stop,
  };
}
