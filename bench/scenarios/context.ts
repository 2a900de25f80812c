import path from 'node:path';
import { machineBusyMs } from '../lib/machine';
import { CpuMeter } from '../lib/proc';
import type { LoadProcess } from '../load/pool';
import type { GcPause } from '../probe/probe-client';
import { type ProfileSummary, summarizeProfile } from '../report/profile';
import type { Target } from '../targets/types';

export interface RunContext {
  quick: boolean;
  /** Profile the server during each measured window (bench/results/*.cpuprofile). */
  profile: boolean;
  resultsDir: string;
  /** Prefix of this run's files in bench/results. */
  stamp: string;
  log(message: string): void;
}

export interface ServerView {
  loopMaxMs: number;
  loopP99Ms: number;
  gcCount: number;
  gcTotalMs: number;
  gcMaxMs: number;
}

export interface Window<T> {
  value: T;
  /** Wall-clock length of the window. */
  ms: number;
  /** Cores used by the server during the window (1.0 = one full core of the two). */
  serverCpu: number;
  /** Cores used by the load generators together. */
  clientCpu: number;
  /** Cores used by everything else on the machine (other people's work): noise if high. */
  otherCpu: number;
  /** The server's own view of the window: its longest event-loop delay and its GC pauses. */
  server: ServerView;
  /** Every GC pause of the window, on the wall clock (to match late edits to them). */
  gcPauses: GcPause[];
  profile: ProfileSummary | null;
}

/**
 * Runs `body` as a measured window: the server's and the load generators' CPU use over it,
 * and, with --profile, a CPU profile of the server named after the scenario and target.
 */
export async function measured<T>(
  ctx: RunContext,
  target: Target,
  label: string,
  clients: LoadProcess[],
  body: () => Promise<T>,
): Promise<Window<T>> {
  // A database server apart from the product (PostgreSQL) does the product's work: counted with it.
  const server = new CpuMeter(() => [...target.pids, ...(target.databasePids?.() ?? [])]);
  // The bench's own process counts as load generation too (it matches logs, polls the probe).
  const load = new CpuMeter(() => [...clients.map((c) => c.pid), process.pid]);
  if (ctx.profile) await target.probe.startProfile();
  await target.probe.loop(true);
  await target.probe.gc(true);
  server.start();
  load.start();
  const machineStart = machineBusyMs();
  const wallStart = performance.now();
  const value = await body();
  const serverCpu = server.read();
  const clientCpu = load.read();
  const machine = (machineBusyMs() - machineStart) / (performance.now() - wallStart);
  const otherCpu = Math.max(0, machine - serverCpu - clientCpu);
  const loop = await target.probe.loop(true);
  const pauses = await target.probe.gc(true);
  const serverView: ServerView = {
    loopMaxMs: loop.maxMs,
    loopP99Ms: loop.p99Ms,
    gcCount: pauses.length,
    gcTotalMs: pauses.reduce((sum, p) => sum + p.ms, 0),
    gcMaxMs: pauses.reduce((max, p) => Math.max(max, p.ms), 0),
  };
  let profile: ProfileSummary | null = null;
  if (ctx.profile) {
    const file = path.join(ctx.resultsDir, `${ctx.stamp}-${label}-${target.name}.cpuprofile.json`);
    await target.probe.stopProfile(file);
    profile = summarizeProfile(file);
  }
  return {
    value,
    ms: performance.now() - wallStart,
    serverCpu,
    clientCpu,
    otherCpu,
    server: serverView,
    gcPauses: pauses,
    profile,
  };
}
