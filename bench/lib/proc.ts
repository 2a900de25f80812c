import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time and memory of another process, read from /proc: the server shares the machine's
 * two cores with the load generators, so its own CPU use is reported beside every latency.
 */
let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU time of `pid` in ms, or NaN when it is gone. */
export function cpuTimeMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: split after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / clockTicks();
  } catch {
    return NaN;
  }
}

/** Resident set size of `pid` in bytes, or NaN when it is gone. */
export function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] ? Number(match[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Measures the CPU share (1.0 = one full core) of a set of processes over a window. */
export class CpuMeter {
  private startCpu = 0;
  private startWall = 0;

  constructor(private readonly pids: () => number[]) {}

  start(): void {
    this.startCpu = this.total();
    this.startWall = performance.now();
  }

  /** Cores used on average since start(). */
  read(): number {
    const wall = performance.now() - this.startWall;
    return wall > 0 ? (this.total() - this.startCpu) / wall : NaN;
  }

  private total(): number {
    return this.pids().reduce((sum, pid) => sum + (cpuTimeMs(pid) || 0), 0);
  }
}

/** `root` and every process below it, now (a database server and the backends it forked). */
export function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone while we looked.
    }
  }
  return treeOf(root, parents);
}

/** `root` and its descendants, from each process's parent. */
export function treeOf(root: number, parents: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const out: number[] = [];
  const queue = parents.has(root) ? [root] : [];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}
