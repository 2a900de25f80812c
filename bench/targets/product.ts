import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/helpers/server';
import { ProbeClient } from '../probe/probe-client';
import { seedLog } from '../seed/store';
import { Account } from './accounts';
import { spawnServer } from './spawn-server';
import type { BoardAccess, Target } from './types';

/** Family members besides the interventionist; boards get up to this many writers beyond her. */
const FAMILY_ACCOUNTS = 7;
/** Board set-up requests in flight at once: the API is exercised, not benchmarked. */
const SETUP_CONCURRENCY = 8;

/**
 * The real server (production build, as test/helpers/server.ts starts it, from the private copy
 * of the build made by app-snapshot.ts) on a free port with a temporary data folder.
 * Registration is rate-limited per address (20 an hour) and argon2 is slow by design, so a
 * handful of people are registered once and their sessions are reused by many sockets each:
 * the server authenticates and authorises every socket all the same.
 */
export async function startProduct(appDir: string): Promise<Target> {
  const port = await freePort();
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
      // (see above), where a person holds a few; the bench measures the relay, not the caps.
      REALTIME_LIMITS: JSON.stringify({ idleRoomMs: 0, ...UNCAPPED, ...extraLimits() }),
    },
  }).catch((error: unknown) => {
    removeData();
    throw error;
  });
  const httpBase = `http://127.0.0.1:${port}`;
  const dbFile = path.join(dataDir, 'board.sqlite');
  const syncPid = syncProcessPid(server.output());
  const run = Date.now().toString(36);
  const lead = new Account(httpBase, `lead.${run}@bench.test`, 'bench password 1');
  const family = Array.from(
    { length: FAMILY_ACCOUNTS },
    (_, i) => new Account(httpBase, `family${i + 1}.${run}@bench.test`, 'bench password 1'),
  );
  try {
    await lead.register('Bench Lead');
    for (const [i, person] of family.entries()) await person.register(`Bench Family ${i + 1}`);
  } catch (error) {
    await server.stop();
    removeData();
    throw error;
  }

  let boardCounter = 0;
  async function prepareBoard(editors: number): Promise<BoardAccess> {
    const boardId = await lead.createBoard(`Bench board ${++boardCounter}`);
    const writers = family.slice(0, Math.max(0, editors - 1));
    for (const person of writers) await lead.bringIn(boardId, person, 'family');
    return { docName: `board/${boardId}/attempt/1`, cookies: [lead, ...writers].map((a) => a.cookieHeader()) };
  }

  return {
    name: 'product',
    wire: 'y-websocket',
    wsBase: `ws://127.0.0.1:${port}`,
    httpBase,
    pid: syncPid,
    pids: [server.pid, syncPid],
    probe: new ProbeClient(probePort),
    dbFile,
    // Through its own UpdateStore, attributed to the boards' interventionist (seed/store.ts).
    seed: (docName, log) => seedLog(dbFile, docName, lead.userId, log),
    accounts: () => [lead, ...family],
    async prepareBoards(count, wanted) {
      // A board has at most the bench's eight people; more sockets than that cycle over their
      // cookies, as one person's several tabs and devices would.
      const editors = Math.min(wanted, family.length + 1);
      const out: BoardAccess[] = new Array<BoardAccess>(count);
      let next = 0;
      const worker = async () => {
        while (next < count) {
          const index = next++;
          out[index] = await prepareBoard(editors);
        }
      };
      await Promise.all(Array.from({ length: Math.min(SETUP_CONCURRENCY, count) }, worker));
      return out;
    },
    output: server.output,
    async stop() {
      await server.stop();
      removeData();
    },
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
