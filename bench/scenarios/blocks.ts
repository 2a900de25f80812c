import type { ProfileSummary } from '../report/profile';
import type { ServerView, Window } from './context';

/**
 * The targets are measured in alternating blocks (A B C, C B A, A B C ...) rather than one after
 * the other: this machine is shared, and whatever else runs, or drifts, during the scenario
 * then weighs on all alike. Their load generators stay connected throughout; only the target
 * of the current block sends.
 */
export function blockOrder<T>(items: T[], rounds: number): T[][] {
  return Array.from({ length: rounds }, (_, round) => (round % 2 === 0 ? [...items] : [...items].reverse()));
}

export interface CombinedWindow {
  serverCpu: number;
  clientCpu: number;
  otherCpu: number;
  server: ServerView;
  profile: ProfileSummary | null;
}

/** Several blocks of one target as one window: CPU averaged over time, the worst stalls kept. */
export function combineWindows(windows: Window<unknown>[]): CombinedWindow {
  const total = windows.reduce((sum, w) => sum + w.ms, 0) || 1;
  const weighted = (pick: (w: Window<unknown>) => number) =>
    windows.reduce((sum, w) => sum + pick(w) * w.ms, 0) / total;
  return {
    serverCpu: weighted((w) => w.serverCpu),
    clientCpu: weighted((w) => w.clientCpu),
    otherCpu: weighted((w) => w.otherCpu),
    server: {
      loopMaxMs: Math.max(0, ...windows.map((w) => w.server.loopMaxMs)),
      loopP99Ms: Math.max(0, ...windows.map((w) => w.server.loopP99Ms)),
      gcCount: windows.reduce((sum, w) => sum + w.server.gcCount, 0),
      gcTotalMs: windows.reduce((sum, w) => sum + w.server.gcTotalMs, 0),
      gcMaxMs: Math.max(0, ...windows.map((w) => w.server.gcMaxMs)),
    },
    profile: windows.find((w) => w.profile !== null)?.profile ?? null,
  };
}

/** A block disturbed by more than this many cores of other people's work is measured again. */
const NOISY_BLOCK_CORES = 0.25;
/** At most this many blocks of a scenario are measured again (the run must stay near 10 min). */
const MAX_BLOCK_RETRIES = 2;

/**
 * Runs `rounds` alternating blocks over the rigs. `measure` runs one block and returns its
 * window and what it collected; a block that others disturbed is discarded and measured again
 * after the machine is quiet, while the retry allowance lasts.
 */
export async function runBlocks<R, C>(
  rigs: R[],
  rounds: number,
  measure: (rig: R, round: number) => Promise<{ window: Window<unknown>; collected: C }>,
  keep: (rig: R, window: Window<unknown>, collected: C) => void,
  quiet: () => Promise<void>,
  log: (message: string) => void,
): Promise<void> {
  let retries = 0;
  let round = 0;
  for (const order of blockOrder(rigs, rounds)) {
    for (const rig of order) {
      let block = await measure(rig, round);
      if (block.window.otherCpu > NOISY_BLOCK_CORES && retries < MAX_BLOCK_RETRIES) {
        retries++;
        log(`  others used ${block.window.otherCpu.toFixed(2)} cores during that block; measuring it again`);
        await quiet();
        block = await measure(rig, round);
      }
      keep(rig, block.window, block.collected);
    }
    round++;
  }
}
