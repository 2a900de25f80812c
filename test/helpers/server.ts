import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { destroyLeftovers } from './leftovers';
import { freshPostgresDatabase } from './postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** How the server process ended, and how long after it was signalled. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** The server's PostgreSQL database when the suite runs on it (TEST_DATABASE=postgres), else null. */
  databaseUrl: string | null;
  output: () => string;
  /** The id of the server process the test started (null once it has exited). */
  pid(): number | null;
  /** SIGTERM to its process group: the server flushes and exits. */
  stop(): Promise<ExitStatus>;
  /**
   * `signal` to the server process alone, as a container runtime or a service manager sends it
   * (the sync process is told by the web process, not by the signal).
   */
  signal(signal: NodeJS.Signals): Promise<ExitStatus>;
  /** SIGKILL: a crash, nothing flushed. */
  crash(): Promise<ExitStatus>;
  /** Starts the server again on the same port and data folder. */
  restart(): Promise<void>;
  /** Stops the server and removes its data folder. */
  dispose(): Promise<void>;
}

/** Whether this run of the suite puts the servers' records on PostgreSQL (scripts/test-all.sh). */
export function onPostgres(): boolean {
  return process.env.TEST_DATABASE === 'postgres';
}

/**
 * Starts the real server (production build, as `npm run serve` does) on a free port with a
 * temporary data folder (and, on PostgreSQL, a database of its own), in its own process group
 * so that nothing is left listening.
 */
/** The settings every test server runs with: production, on `port` of 127.0.0.1, its data in `dataDir`. */
export function productionServerEnv(port: number, dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  };
}

export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'board-test-'));
  const database = onPostgres() ? await freshPostgresDatabase() : null;
  let child: ChildProcess | null = null;
  let log = '';

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      // Only this launch's output counts: the log still holds the previous start's "ready".
      const since = log.length;
      const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
        cwd: path.resolve(__dirname, '../..'),
        env: {
          ...process.env,
          ...productionServerEnv(port, dataDir),
          ...(database ? { DATABASE_URL: database.url } : {}),
          ...options.env,
        },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60_000);
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (log.slice(since).includes(`ready on http://localhost:${port}`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${log}`));
      });
    });

  /** Sends `signal` to the process group (or the server alone) and resolves once the server has exited. */
  const waitExit = (signal: NodeJS.Signals, target: 'group' | 'server' = 'group') =>
    new Promise<ExitStatus>((resolve) => {
      const proc = child;
      const started = Date.now();
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) {
        resolve({ code: proc?.exitCode ?? null, signal: proc?.signalCode ?? null, ms: 0 });
        return;
      }
      proc.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal, ms: Date.now() - started }));
      try {
        process.kill(target === 'group' ? -(proc.pid ?? 0) : (proc.pid ?? 0), signal);
      } catch {
        resolve({ code: null, signal: null, ms: 0 });
      }
    });

  await launch();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    databaseUrl: database?.url ?? null,
    output: () => log,
    pid: () => {
      const proc: ChildProcess | null = child;
      return proc && proc.exitCode === null && proc.signalCode === null ? (proc.pid ?? null) : null;
    },
    stop: () => waitExit('SIGTERM'),
    signal: (signal) => waitExit(signal, 'server'),
    crash: () => waitExit('SIGKILL'),
    restart: launch,
    dispose: async () => {
      destroyLeftovers();
      await waitExit('SIGTERM');
      // To read what a server logged when a test fails only now and then (TEST_SERVER_LOGS=dir).
      const logs = process.env.TEST_SERVER_LOGS;
      if (logs) writeFileSync(path.join(logs, `server-${port}-${Date.now()}.log`), log);
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}
