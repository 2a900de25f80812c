import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/helpers/server';
import { ProbeClient } from '../probe/probe-client';
import { type SpawnedServer, spawnServer } from './spawn-server';

/** One running process of the product: its web process, the sync process it forked, its probe. */
export interface ProductProcess {
  server: SpawnedServer;
  port: number;
  httpBase: string;
  wsBase: string;
  dataDir: string;
  syncPid: number;
  probe: ProbeClient;
  /** SIGTERM (the server flushes), then its data folder is removed. */
  stop(): Promise<void>;
}

/**
 * The real server (production build, as test/helpers/server.ts starts it, from the private copy
 * of the build made by app-snapshot.ts) on `port` with a temporary data folder. `env` adds to
 * or replaces the settings below (a database, a shared secret, the public address).
 */
export async function startProductProcess(
  appDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ProductProcess> {
  const probePort = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'harbor-bench-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  const server = await spawnServer({
    script: 'server/index.ts',
    cwd: appDir,
    ready: `ready on http://localhost:${port}`,
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      BENCH_PROBE_PORT: String(probePort),
      // Rooms unload as their last socket leaves, as the relay's do: scenario 4's first joins
      // then measure a load from storage, and scenario 2's memory returns to baseline without
      // waiting out the 30 s a room nobody holds otherwise stays loaded. A rejoin within those
      // 30 s costs what a join to an open room costs (scenario 4, room open).
      // BENCH_REALTIME_LIMITS (JSON) adds or replaces limits, to measure what one of them costs.
      // The documents are relayed by the sync process the server forks: the probe goes there.
      BENCH_PROBE_FORKED: '1',
      // The caps per person are lifted: a handful of sessions hold thousands of sockets here
      // (see product-people.ts), where a person holds a few; the bench measures the relay, not the caps.
      REALTIME_LIMITS: JSON.stringify({ idleRoomMs: 0, ...UNCAPPED, ...extraLimits() }),
      ...env,
    },
  }).catch((error: unknown) => {
    removeData();
    throw error;
  });
  const stop = async () => {
    await server.stop();
    removeData();
  };
  let syncPid: number;
  try {
    syncPid = syncProcessPid(server.output());
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    server,
    port,
    httpBase: `http://127.0.0.1:${port}`,
    wsBase: `ws://127.0.0.1:${port}`,
    dataDir,
    syncPid,
    probe: new ProbeClient(probePort),
    stop,
  };
}

/** Caps per session and per person (server/yjs/limits.ts) set out of reach. */
const UNCAPPED = {
  maxSocketsPerSession: 1_000_000,
  maxSocketsPerUser: 1_000_000,
  maxRoomsPerUser: 1_000_000,
  loggedBytesPerDocPerHour: 2 ** 40,
  loggedBytesPerUserPerHour: 2 ** 40,
  channelEventsPerSecond: 1_000_000,
  historyRequestsPerMinute: 1_000_000,
};

/** Limits from BENCH_REALTIME_LIMITS; the server validates them (and refuses to start on a bad one). */
function extraLimits(): Record<string, unknown> {
  const raw = process.env.BENCH_REALTIME_LIMITS;
  if (!raw) return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('BENCH_REALTIME_LIMITS must be a JSON object');
  return { ...parsed };
}

/** The sync process's id, from the line the server logs when it has started it. */
function syncProcessPid(output: string): number {
  const match = /sync process ready \(pid (\d+)\)/.exec(output);
  if (!match?.[1]) throw new Error(`the server did not report its sync process:\n${output}`);
  return Number(match[1]);
}
