import { wallMs } from '../lib/clock';
import { countDeparted } from '../lib/machine';
import { cpuTimeMs, processTree } from '../lib/proc';
import type { FailoverReport, FailoverSpec } from '../load/failover-pairs';
import { LoadProcess } from '../load/pool';
import type { FailoverOptions } from '../options';
import type { TwoProcessProduct } from '../targets/product-postgres';
import type { RunContext } from './context';

export interface FailoverResult {
  boards: number;
  /** Boards whose lease named the killed process just before the kill (all of them, normally). */
  ownedByKilled: number;
  /** Per board edited again, ms from the kill to its reader holding the writer's new edit. */
  backMs: number[];
  /** Boards not edited again within the time allowed. */
  notBack: number;
  /** Boards whose lease names the surviving process afterwards. */
  servedBySurvivor: number;
  /** Connections the writers and readers made again (attempts that opened). */
  reconnects: number;
}

/**
 * Scenario 7, last (its server is one process short afterwards): boards served by the first
 * process (their first join was there), each with a writer and a reader connected through the
 * second, whose sockets are passed to the first. The first process's group is killed (SIGKILL:
 * its web and sync processes at once, as a crash or a lost machine), each writer types right
 * after, and the time until its reader holds the edit is when that board is edited again: its
 * lease expires, the clients reconnect with y-websocket's backoff, the second process takes the
 * board and loads it from the log.
 */
export async function runFailover(
  target: TwoProcessProduct,
  options: FailoverOptions,
  ctx: RunContext,
): Promise<FailoverResult> {
  const [owner, survivor] = target.processes;
  const boards = await target.prepareBoards(options.boards, 2);
  const spec: FailoverSpec = {
    ownerWsBase: owner.wsBase,
    otherWsBase: survivor.wsBase,
    origin: target.endpoints?.origin ?? owner.httpBase,
    boards,
  };
  const pairs = await LoadProcess.start('failover', spec);
  try {
    await pairs.call('connect');
    const ids = boards.map((b) => b.docName.split('/')[1] ?? '');
    const ownedByKilled = countServedBy(await target.leaseAddresses(ids), owner.port);
    ctx.log(`  ${ownedByKilled} of ${boards.length} boards served by the process about to be killed`);
    // The killed server's sync process is not waited for by the bench: its time leaves the
    // bench's process tree, and would otherwise read as other people's work (lib/machine.ts).
    countDeparted(
      processTree(owner.server.pid)
        .filter((pid) => pid !== owner.server.pid)
        .reduce((sum, pid) => sum + (cpuTimeMs(pid) || 0), 0),
    );
    const killedAt = wallMs();
    // The signal goes out before crash() first waits: every edit below is typed after it.
    const crashed = owner.server.crash();
    const report = await pairs.call<FailoverReport>('edit', { timeoutMs: options.timeoutMs });
    await crashed;
    const back = backTimes(killedAt, report.seenAt);
    const typedAfter = Math.max(0, ...report.typedAt.map((at) => at - killedAt));
    const servedBySurvivor = countServedBy(await target.leaseAddresses(ids), survivor.port);
    ctx.log(
      `  edits typed within ${typedAfter.toFixed(0)} ms of the kill; ${back.backMs.length} of ${boards.length} boards edited again, ${servedBySurvivor} now served by the other process`,
    );
    return { boards: boards.length, ownedByKilled, ...back, servedBySurvivor, reconnects: report.reconnects };
  } finally {
    await pairs.close();
  }
}

function countServedBy(leases: Map<string, string>, port: number): number {
  return [...leases.values()].filter((address) => address === `127.0.0.1:${port}`).length;
}

/** Each board's time back from the kill, in ascending order, and how many never came back. */
export function backTimes(killedAt: number, seenAt: (number | null)[]): { backMs: number[]; notBack: number } {
  const seen = seenAt.filter((at): at is number => at !== null);
  return { backMs: seen.map((at) => at - killedAt).sort((a, b) => a - b), notBack: seenAt.length - seen.length };
}
