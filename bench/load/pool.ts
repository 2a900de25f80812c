import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../targets/spawn-server';
import { isReply, type JobKind } from './ipc';

const WORKER = path.join(REPO_ROOT, 'bench/load/worker.ts');

/** The parent's handle on one load-generator process. */
export class LoadProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: unknown) => {
      if (!isReply(message)) return;
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(`load generator: ${message.error}`));
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`load generator exited with ${code}`));
      this.pending.clear();
    });
  }

  static async start(kind: JobKind, spec: unknown): Promise<LoadProcess> {
    const child = fork(WORKER, [], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const process = new LoadProcess(child);
    await process.call('init', { kind, spec });
    return process;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  call<T = unknown>(cmd: string, arg?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as T), reject });
      this.child.send({ id, cmd, arg }, (error) => {
        if (error) {
          this.pending.delete(id);
          reject(error);
        }
      });
    });
  }

  /** Closes the job's sockets, then the process; killed if it does not leave in time. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    try {
      await this.call('close');
    } catch {
      this.child.kill('SIGKILL');
    }
    await this.exited;
    clearTimeout(killer);
  }
}

/** Sends the same command to every process and gathers the answers in order. */
export function callAll<T>(processes: LoadProcess[], cmd: string, arg?: unknown): Promise<T[]> {
  return Promise.all(processes.map((p) => p.call<T>(cmd, arg)));
}

export async function closeAll(processes: LoadProcess[]): Promise<void> {
  await Promise.all(processes.map((p) => p.close()));
}
