import { sleep } from '../../test/helpers/wait';
import { matchEdits } from '../lib/match';
import { type Summary, summarize } from '../lib/stats';
import type { EditorsReport, EditorsSpec } from '../load/editors';
import { callAll, closeAll, LoadProcess } from '../load/pool';
import type { BenchOptions } from '../options';
import type { ProfileSummary } from '../report/profile';
import type { Target, TargetName } from '../targets/types';
import { waitForQuiet } from '../lib/machine';
import { combineWindows, runBlocks } from './blocks';
import { measured, type RunContext, type ServerView, type Window } from './context';

export interface LatencyResult {
  latency: Summary;
  /** Arrivals / (edits sent x other editors): 1 when nothing was lost. */
  delivered: number;
  drops: number;
  serverCpu: number;
  clientCpu: number;
  otherCpu: number;
  /** The server's event-loop delay and GC pauses over the windows. */
  server: ServerView;
  /** Longest event-loop delay of any load generator: tails it may have caused itself. */
  clientLoopMaxMs: number;
  profile: ProfileSummary | null;
}

interface Rig {
  target: Target;
  processes: LoadProcess[];
  reports: EditorsReport[];
  windows: Window<unknown>[];
}

/**
 * Scenario 1: one board, N editors each typing at a steady rate; the time from an edit's send to
 * its arrival at every other editor. Editors are split over a few processes (send and arrival
 * times are wall-clock, so cross-process arrivals count too). The targets alternate in
 * blocks that add up to the configured duration each (see blocks.ts).
 */
export async function runLatency(
  targets: Target[],
  options: BenchOptions['latency'],
  ctx: RunContext,
): Promise<Partial<Record<TargetName, LatencyResult>>> {
  const rigs: Rig[] = [];
  try {
    for (const target of targets)
      rigs.push({ target, processes: await connectEditors(target, options), reports: [], windows: [] });
    // Let the connect-time awareness and sync traffic settle before measuring.
    await sleep(1000);
    const blockMs = options.durationMs / options.rounds;
    await runBlocks(
      rigs,
      options.rounds,
      async (rig, round) => {
        await callAll(rig.processes, 'collect');
        // A profile of the first block is enough to see where the time goes.
        const window = await measured(
          { ...ctx, profile: ctx.profile && round === 0 },
          rig.target,
          'latency',
          rig.processes,
          async () => {
            await callAll(rig.processes, 'start');
            await sleep(blockMs);
            await callAll(rig.processes, 'stop');
          },
        );
        await sleep(1500);
        const collected = await callAll<EditorsReport>(rig.processes, 'collect');
        ctx.log(`  ${rig.target.name} block ${round + 1}/${options.rounds} done`);
        return { window, collected };
      },
      (rig, window, collected) => {
        rig.windows.push(window);
        rig.reports.push(...collected);
      },
      () => waitForQuiet(0.4, 30_000, ctx.log).then(() => undefined),
      ctx.log,
    );
    return Object.fromEntries(rigs.map((rig) => [rig.target.name, result(rig, options)]));
  } finally {
    await closeAll(rigs.flatMap((rig) => rig.processes));
  }
}

async function connectEditors(target: Target, options: BenchOptions['latency']): Promise<LoadProcess[]> {
  const [board] = await target.prepareBoards(1, 8);
  if (!board) throw new Error('no board');
  const perProcess = Math.ceil(options.editors / options.processes);
  const processes: LoadProcess[] = [];
  for (let i = 0; i < options.processes; i++) {
    const sockets = Math.min(perProcess, options.editors - i * perProcess);
    const spec: EditorsSpec = {
      wsBase: target.wsBase,
      endpoints: target.endpoints,
      wire: target.wire,
      // Each process cycles over all the board's people from a different start.
      boards: [{ docName: board.docName, cookies: rotate(board.cookies, i) }],
      socketsPerBoard: sockets,
      editsPerSecondPerBoard: sockets * options.editsPerSecond,
      connectConcurrency: 10,
      fieldPrefix: `p${i}.`,
    };
    processes.push(await LoadProcess.start('editors', spec));
  }
  await callAll(processes, 'connect');
  return processes;
}

function result(rig: Rig, options: BenchOptions['latency']): LatencyResult {
  const matched = matchEdits(
    rig.reports.map((r) => r.sends),
    rig.reports.map((r) => r.arrivals),
  );
  const combined = combineWindows(rig.windows);
  return {
    latency: summarize(matched.samples),
    delivered: matched.sent > 0 ? matched.arrivals / (matched.sent * (options.editors - 1)) : NaN,
    drops: rig.reports.reduce((sum, r) => sum + r.drops, 0),
    ...combined,
    clientLoopMaxMs: Math.max(0, ...rig.reports.map((r) => r.loopMaxMs)),
  };
}

function rotate<T>(items: T[], by: number): T[] {
  const k = items.length ? by % items.length : 0;
  return [...items.slice(k), ...items.slice(0, k)];
}
