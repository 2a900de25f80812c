import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { sleep } from '../../test/helpers/wait';

/**
 * The machine as a whole. Other people's builds, tests and browsers share these two cores; a
 * figure measured while they ran is not comparable, so every window also reports how much CPU
 * went to processes outside the bench, and the bench waits (bounded) for a quiet machine.
 */
export function machineBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [, ...fields] = line.trim().split(/\s+/);
  const values = fields.map(Number);
  const total = values.reduce((sum, v) => sum + v, 0);
  // idle and iowait are the 4th and 5th columns.
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  // /proc/stat counts in USER_HZ ticks (100 per second on Linux).
  return (total - idle) * 10;
}

export function coreCount(): number {
  return cpus().length;
}

export function loadAverage(): number {
  return loadavg()[0] ?? 0;
}

/**
 * Waits until the machine is quiet: less than `maxCores` in use over a second (our own idle
 * servers included). Gives up after `timeoutMs` and says so: the run goes on, marked noisy.
 */
export async function waitForQuiet(maxCores: number, timeoutMs: number, log: (m: string) => void): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let warned = false;
  for (;;) {
    const before = machineBusyMs();
    await sleep(1000);
    const used = (machineBusyMs() - before) / 1000;
    if (used < maxCores) return true;
    if (Date.now() > deadline) {
      log(`  machine still busy (${used.toFixed(2)} cores in use); measuring anyway`);
      return false;
    }
    if (!warned) log(`  waiting for a quiet machine (${used.toFixed(2)} cores in use)`);
    warned = true;
  }
}

/**
 * Processes the bench started that are not its descendants: a database server started as a
 * daemon (scripts/test-services.sh) is re-parented away, yet its work is the bench's, not others'.
 */
const adopted = new Set<number>();

/** Counts `pid` and its descendants as the bench's own from now on. */
export function countAsBench(pid: number): void {
  adopted.add(pid);
}

/**
 * CPU time of the bench's processes that were killed without being waited for (a server's
 * sync process killed with its parent goes to init, its time with it): still the bench's work.
 */
let departedMs = 0;

/** Keeps `ms` of CPU time of processes about to be killed in the bench's count. */
export function countDeparted(ms: number): void {
  departedMs += ms;
}

/**
 * CPU time (ms) of this process and every descendant (load generators, servers, browsers),
 * and of the processes adopted by countAsBench with theirs, including descendants that already
 * exited (counted in their parent's cutime/cstime) and those killed apart (countDeparted).
 */
export function benchTreeCpuMs(): number {
  const parents = new Map<number, number>();
  const times = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      parents.set(pid, Number(fields[1]));
      // utime, stime, cutime, cstime (fields 14-17), in ticks of 10 ms.
      times.set(pid, (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10);
    } catch {
      // Gone while we looked.
    }
  }
  let total = departedMs;
  for (const [pid, time] of times) {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parents.get(at)) {
      if (at === process.pid || adopted.has(at)) {
        total += time;
        break;
      }
    }
  }
  return total;
}

/** Cores used by processes outside the bench over a stretch of time: other people's work. */
export class OthersMeter {
  private readonly machine = machineBusyMs();
  private readonly tree = benchTreeCpuMs();
  private readonly wall = performance.now();

  read(): number {
    const wall = performance.now() - this.wall;
    return wall > 0 ? Math.max(0, machineBusyMs() - this.machine - (benchTreeCpuMs() - this.tree)) / wall : NaN;
  }
}
