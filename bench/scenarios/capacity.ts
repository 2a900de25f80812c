import { sleep } from '../../test/helpers/wait';
import { matchEdits } from '../lib/match';
import { rssBytes } from '../lib/proc';
import { type Summary, summarize } from '../lib/stats';
import type { EditorsReport, EditorsSpec } from '../load/editors';
import { callAll, closeAll, LoadProcess } from '../load/pool';
import type { CapacityOptions } from '../options';
import type { HeapReading } from '../probe/probe-client';
import type { ProfileSummary } from '../report/profile';
import { summarizeTail, type TailView } from '../report/tail';
import type { BoardAccess, Target, TargetName } from '../targets/types';
import { assertFdHeadroom, fdsPerSocket, openFds, openFileLimit } from '../lib/fds';
import { waitForQuiet } from '../lib/machine';
import { spreadOver } from '../load/spread';
import { combineWindows, runBlocks } from './blocks';
import { measured, type RunContext, type ServerView, type Window } from './context';

export interface MemoryTrail {
  /** After a forced GC, before any client connected. */
  start: HeapReading;
  /** Highest heap used sampled (no GC) while every client was connected and editing. */
  peakHeapUsed: number;
  peakRss: number;
  /** After a forced GC with every client still connected. */
  loaded: HeapReading;
  /** After a forced GC once every client has left (rooms unloaded). */
  afterLeave: HeapReading;
}

/** Descriptors each socket added, on the server (all its processes) and in the load generators. */
export interface FdView {
  serverPerSocket: number;
  clientsPerSocket: number;
  /** The server's open descriptors with every socket connected. */
  serverOpen: number;
}

export interface CapacityResult {
  boards: number;
  socketsPerBoard: number;
  sockets: number;
  fds: FdView;
  connectMs: number;
  latency: Summary;
  delivered: number;
  drops: number;
  serverCpu: number;
  clientCpu: number;
  otherCpu: number;
  /** The server's event-loop delay and GC pauses over the windows. */
  server: ServerView;
  /** Longest event-loop delay of any load generator: tails it may have caused itself. */
  clientLoopMaxMs: number;
  memory: MemoryTrail;
  profile: ProfileSummary | null;
  /** What the arrivals at or above p99 had in common (GC, stalls, where the server was). */
  tail: TailView;
}

interface Rig {
  target: Target;
  processes: LoadProcess[];
  sockets: number;
  connectMs: number;
  fds: FdView;
  start: HeapReading;
  peakHeapUsed: number;
  peakRss: number;
  reports: EditorsReport[];
  windows: Window<unknown>[];
}

/**
 * Scenario 2 (and 6, at other shapes): many boards at once (500 boards x 4 editors = 2,000
 * sockets per target), one edit a second per board, awareness renewed every 15 s by each
 * provider as a page does. All editors of a board live in one process, so each arrival is timed
 * on one clock. Every target's sockets stay connected; they edit in alternating blocks
 * (blocks.ts). `label` names the profiles (scenario and shape).
 */
export async function runCapacity(
  targets: Target[],
  options: CapacityOptions,
  ctx: RunContext,
  label = 'capacity',
): Promise<Partial<Record<TargetName, CapacityResult>>> {
  const rigs: Rig[] = [];
  try {
    for (const target of targets) rigs.push(await connectBoards(target, options, ctx));
    await sleep(2000);
    const blockMs = options.durationMs / options.rounds;
    await runBlocks(
      rigs,
      options.rounds,
      async (rig, round) => {
        await callAll(rig.processes, 'collect');
        const window = await measured(
          { ...ctx, profile: ctx.profile && round === 0 },
          rig.target,
          label,
          rig.processes,
          async () => {
            await callAll(rig.processes, 'start');
            const ends = performance.now() + blockMs;
            while (performance.now() < ends) {
              await sleep(Math.min(5000, Math.max(0, ends - performance.now())));
              const heap = await rig.target.probe.heap(false);
              rig.peakHeapUsed = Math.max(rig.peakHeapUsed, heap.heapUsed);
              rig.peakRss = Math.max(rig.peakRss, relayRss(rig.target));
            }
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
    const results: Partial<Record<TargetName, CapacityResult>> = {};
    for (const rig of rigs) {
      const loaded = await rig.target.probe.heap(true);
      await closeAll(rig.processes);
      const afterLeave = await settledHeap(rig.target);
      results[rig.target.name] = result(rig, options, {
        start: rig.start,
        peakHeapUsed: rig.peakHeapUsed,
        peakRss: rig.peakRss,
        loaded,
        afterLeave,
      });
    }
    return results;
  } finally {
    await closeAll(rigs.flatMap((rig) => rig.processes));
  }
}

/**
 * Heap after a forced GC once everyone has left (the warm-up's sockets, or the scenario's).
 * Rooms unload as their last socket's close handshake completes, which takes longer with 10,000
 * sockets than with 2,000: read again until two readings agree within 256 KB (at most 9 s).
 */
async function settledHeap(target: Target): Promise<HeapReading> {
  await sleep(3000);
  let reading = await target.probe.heap(true);
  for (let i = 0; i < 3; i++) {
    await sleep(2000);
    const next = await target.probe.heap(true);
    const settled = Math.abs(next.heapUsed - reading.heapUsed) < 256 * 1024;
    reading = next;
    if (settled) break;
  }
  return reading;
}

/** RSS of the processes that relay the documents, together (one, or one per process of the server). */
function relayRss(target: Target): number {
  return target.relayPids.reduce((sum, pid) => sum + rssBytes(pid), 0);
}

/** Boards edited for a few seconds before the start heap is read (see warmUp). */
const WARM_UP_BOARDS = 20;

/**
 * Code a server compiles on first use (the websocket, Yjs and SQLite paths) stays in its heap
 * for good. Exercised once before the start reading, so that "after all left" compares rooms
 * and sockets, not compiled code: the product's sync process has served no socket before this.
 */
async function warmUp(target: Target, boards: BoardAccess[], options: CapacityOptions): Promise<void> {
  const spec: EditorsSpec = {
    wsBase: target.wsBase,
    endpoints: target.endpoints,
    wire: target.wire,
    boards,
    socketsPerBoard: options.editorsPerBoard,
    editsPerSecondPerBoard: 5,
    connectConcurrency: 20,
    fieldPrefix: 'warm-up-',
  };
  const warm = await LoadProcess.start('editors', spec);
  try {
    await warm.call('connect');
    await warm.call('start');
    await sleep(3000);
    await warm.call('stop');
  } finally {
    await closeAll([warm]);
  }
}

async function connectBoards(target: Target, options: CapacityOptions, ctx: RunContext): Promise<Rig> {
  const sockets = options.boards * options.editorsPerBoard;
  for (const pid of target.pids) assertFdHeadroom(`${target.name} (pid ${pid})`, openFileLimit(pid), sockets);
  ctx.log(`  ${target.name}: preparing ${options.boards} boards`);
  const boards = await target.prepareBoards(options.boards, options.editorsPerBoard);
  await warmUp(target, boards.slice(0, WARM_UP_BOARDS), options);
  const start = await settledHeap(target);
  const groups = spreadOver(boards, options.processes);
  const busiest = Math.max(0, ...groups.map((g) => g.length)) * options.editorsPerBoard;
  assertFdHeadroom('a load generator', openFileLimit('self'), busiest);
  const processes: LoadProcess[] = [];
  for (const group of groups) {
    const spec: EditorsSpec = {
      wsBase: target.wsBase,
      endpoints: target.endpoints,
      wire: target.wire,
      boards: group,
      socketsPerBoard: options.editorsPerBoard,
      editsPerSecondPerBoard: options.editsPerSecondPerBoard,
      connectConcurrency: 20,
      fieldPrefix: '',
    };
    processes.push(await LoadProcess.start('editors', spec));
  }
  const serverFds = () => target.pids.reduce((sum, pid) => sum + openFds(pid), 0);
  const clientFds = () => processes.reduce((sum, p) => sum + openFds(p.pid), 0);
  const fdsBefore = { server: serverFds(), clients: clientFds() };
  const connectStarted = performance.now();
  await callAll(processes, 'connect');
  const connectMs = performance.now() - connectStarted;
  const serverOpen = serverFds();
  const fds: FdView = {
    serverPerSocket: fdsPerSocket(fdsBefore.server, serverOpen, sockets),
    clientsPerSocket: fdsPerSocket(fdsBefore.clients, clientFds(), sockets),
    serverOpen,
  };
  ctx.log(
    `  ${target.name}: ${sockets} sockets connected in ${Math.round(connectMs)} ms; ${serverOpen} descriptors open in the server`,
  );
  return { target, processes, sockets, connectMs, fds, start, peakHeapUsed: 0, peakRss: 0, reports: [], windows: [] };
}

function result(rig: Rig, options: CapacityOptions, memory: MemoryTrail): CapacityResult {
  const matched = matchEdits(
    rig.reports.map((r) => r.sends),
    rig.reports.map((r) => r.arrivals),
  );
  const latency = summarize(matched.samples);
  const windows = combineWindows(rig.windows);
  return {
    boards: options.boards,
    socketsPerBoard: options.editorsPerBoard,
    sockets: rig.sockets,
    fds: rig.fds,
    connectMs: rig.connectMs,
    latency,
    delivered: matched.sent > 0 ? matched.arrivals / (matched.sent * (options.editorsPerBoard - 1)) : NaN,
    drops: rig.reports.reduce((sum, r) => sum + r.drops, 0),
    ...windows,
    tail: summarizeTail(
      matched,
      latency.p99,
      rig.windows.flatMap((w) => w.gcPauses),
      windows.profile?.file ?? null,
    ),
    clientLoopMaxMs: Math.max(0, ...rig.reports.map((r) => r.loopMaxMs)),
    memory,
  };
}
