import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
const PROBE = path.join(REPO_ROOT, 'bench/probe/server-probe.ts');

export interface SpawnedServer {
  pid: number;
  output(): string;
  /** SIGTERM to the process group (the server flushes), SIGKILL if it lingers. */
  stop(): Promise<void>;
  /** SIGKILL to the process group at once, as a crash or a lost machine: nothing is flushed. */
  crash(): Promise<void>;
}

/**
 * Starts a server script under tsx with --expose-gc and the bench probe preloaded, in its own
 * process group (so nothing is left listening), and resolves once `ready` appears in stdout.
 */
export function spawnServer(options: {
  script: string;
  env: Record<string, string>;
  ready: string;
  cwd?: string;
  timeoutMs?: number;
}): Promise<SpawnedServer> {
  let log = '';
  const child: ChildProcess = spawn(
    process.execPath,
    // BENCH_SERVER_FLAGS adds node flags for an investigation, e.g. --trace-gc (see docs/performance.md).
    [
      '--expose-gc',
      ...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean),
      '--import',
      'tsx',
      '--import',
      PROBE,
      options.script,
    ],
    {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Keep only the tail: a long run logs a lot and only the end explains a failure.
  const remember = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
    if (process.env.BENCH_SERVER_LOG) process.stderr.write(chunk);
  };
  child.stderr?.on('data', remember);

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child, 'SIGTERM');
    const killer = setTimeout(() => signalGroup(child, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };
  const crash = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child, 'SIGKILL');
    await exited;
  };

  return new Promise<SpawnedServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${options.script} did not start:\n${log}`));
    }, options.timeoutMs ?? 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      remember(chunk);
      if (log.includes(options.ready)) {
        clearTimeout(timer);
        resolve({ pid: child.pid ?? 0, output: () => log, stop, crash });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.script} exited with ${code}:\n${log}`));
    });
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // Negative pid: the whole group, as the child was started detached (its own group).
    process.kill(-(child.pid ?? 0), signal);
  } catch {
    // Already gone.
  }
}
