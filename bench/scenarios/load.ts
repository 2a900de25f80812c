import BetterSqlite3 from 'better-sqlite3';
import { docToJSON } from '../../lib/plan/doc-json';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../server/db/schema';
import { lastSeq, rebuildAtSeq } from '../../server/update-log/rebuild';
import { parseDocName } from '../../lib/doc-names';
import { sleep } from '../../test/helpers/wait';
import { type Summary, summarize } from '../lib/stats';
import type { JoinReport, JoinerSpec } from '../load/joiner';
import type { HolderSpec } from '../load/holder';
import type { PingReport, PingerSpec } from '../load/pinger';
import { closeAll, LoadProcess } from '../load/pool';
import type { BenchOptions } from '../options';
import type { ProfileSummary } from '../report/profile';
import type { EditPattern, GeneratedLog } from '../seed/generate';
import type { BoardAccess, Target } from '../targets/types';
import { measured, type RunContext } from './context';

export interface JoinSample {
  openMs: number;
  syncedMs: number;
  /** Longest ping round trip during the join, from outside: how long the server's loop stalled. */
  stallMs: number;
  /** The server's own event-loop delay maximum over the join (bench probe). */
  loopMaxMs: number;
  /** Pings answered during the join: too few means the stall figure saw little. */
  pings: number;
  stateBytes: number;
}

export interface PatternResult {
  /** Logged edits the document holds. */
  edits: number;
  /** First client in: the room loads from storage (the product's log, Hocuspocus's row); null on the relay, which keeps nothing. */
  cold: JoinSample[] | null;
  /** Someone is already in: the room is in memory. */
  warm: JoinSample[];
  /** The first join of each series above (cold first, then warm), not counted in them. */
  firsts: JoinSample[];
  profile: ProfileSummary | null;
  /** Rebuilding past versions in-process (product only): rebuildAtSeq + docToJSON. */
  rebuild: { samples: Summary; worstSeqMs: number } | null;
}

export type LoadResult = Record<EditPattern, PatternResult>;

/**
 * Scenario 4: a board whose plan holds 50,000 edits. The product's log is seeded through its own
 * UpdateStore (with checkpoints as the server writes them), Hocuspocus's documents table with
 * the state those edits make (target.seed); the relay learns the same document from a holder
 * client. Each join is a fresh client: time to open and to synced, and how long the server's
 * event loop stalled meanwhile, seen by a pinger on another document.
 */
export async function runLoad(
  target: Target,
  options: BenchOptions['load'],
  logs: Record<EditPattern, GeneratedLog>,
  ctx: RunContext,
): Promise<LoadResult> {
  const [typingBoard, randomBoard, pingBoard] = await target.prepareBoards(3, 2);
  if (!typingBoard || !randomBoard || !pingBoard) throw new Error('no boards');
  const boards: Record<EditPattern, BoardAccess> = { typing: typingBoard, random: randomBoard };
  const { seed } = target;
  if (seed) for (const pattern of ['typing', 'random'] as const) seed(boards[pattern].docName, logs[pattern]);
  const pingerSpec: PingerSpec = {
    wsBase: target.wsBase,
    wire: target.wire,
    docName: pingBoard.docName,
    cookie: pingBoard.cookies[0] ?? null,
    intervalMs: options.pingEveryMs,
  };
  const pinger = await LoadProcess.start('pinger', pingerSpec);
  const processes: LoadProcess[] = [pinger];
  try {
    await pinger.call('start');
    const result = {} as LoadResult;
    for (const pattern of ['typing', 'random'] as const) {
      const board = boards[pattern];
      const joinerSpec: JoinerSpec = {
        wsBase: target.wsBase,
        wire: target.wire,
        docName: board.docName,
        cookie: board.cookies[1] ?? null,
      };
      const joiner = await LoadProcess.start('joiner', joinerSpec);
      processes.push(joiner);
      // The first join of each series is kept apart: in a fresh server it also pays for
      // compiling the load and sync code paths, which a long-running server has done already.
      const firsts: JoinSample[] = [];
      const joins = async (label: string): Promise<JoinSample[]> => {
        firsts.push(await measureJoin(target, joiner, pinger));
        const samples: JoinSample[] = [];
        for (let i = 0; i < options.joins; i++) samples.push(await measureJoin(target, joiner, pinger));
        const synced = summarize(samples.map((s) => s.syncedMs));
        ctx.log(
          `  ${target.name} ${pattern} ${label}: synced p50 ${synced.p50.toFixed(1)} ms, stall max ${Math.max(...samples.map((s) => s.stallMs)).toFixed(1)} ms`,
        );
        return samples;
      };
      // One measured window per pattern (CPU, and with --profile the server's profile of the joins).
      const window = await measured(ctx, target, `load-${pattern}`, processes, async () => {
        const cold = seed ? await joins('cold') : null;
        const holderSpec: HolderSpec = {
          wsBase: target.wsBase,
          wire: target.wire,
          docName: board.docName,
          cookie: board.cookies[0] ?? null,
          seed: seed ? null : logs[pattern].finalState,
        };
        const holder = await LoadProcess.start('holder', holderSpec);
        processes.push(holder);
        await holder.call('connect');
        const warm = await joins('warm');
        await holder.close();
        return { cold, warm };
      });
      const { cold, warm } = window.value;
      result[pattern] = {
        edits: logs[pattern].updates.length,
        cold,
        warm,
        firsts,
        profile: window.profile,
        rebuild: target.dbFile ? await timeRebuilds(target.dbFile, board.docName, options.rebuilds) : null,
      };
    }
    return result;
  } finally {
    await closeAll(processes);
  }
}

async function measureJoin(target: Target, joiner: LoadProcess, pinger: LoadProcess): Promise<JoinSample> {
  // Quiet before and after, so that each join's stall is its own.
  await sleep(300);
  await target.probe.loop(true);
  await pinger.call<PingReport>('collect');
  const join = await joiner.call<JoinReport>('join');
  await sleep(300);
  const pings = await pinger.call<PingReport>('collect');
  const loop = await target.probe.loop(true);
  let stallMs = 0;
  let count = 0;
  pings.sentAt.forEach((at, i) => {
    if (at < join.startedAt - 20 || at > join.endedAt) return;
    stallMs = Math.max(stallMs, pings.rttMs[i] ?? 0);
    count++;
  });
  return {
    openMs: join.openMs,
    syncedMs: join.syncedMs,
    stallMs,
    loopMaxMs: loop.maxMs,
    pings: count,
    stateBytes: join.stateBytes,
  };
}

/**
 * History: the state at past sequence numbers, rebuilt as the history API does. The worst
 * case is the update just before a checkpoint (the most replay after the nearest one).
 */
async function timeRebuilds(
  dbFile: string,
  docName: string,
  count: number,
): Promise<{ samples: Summary; worstSeqMs: number }> {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  const queries = new Kysely<Database>({ dialect: new SqliteDialect({ database: db }) });
  const name = parseDocName(docName);
  if (!name) throw new Error(`bad doc name ${docName}`);
  try {
    const last = await lastSeq(queries, docName);
    const rebuild = async (seq: number): Promise<number> => {
      const started = performance.now();
      const rebuilt = await rebuildAtSeq(queries, docName, seq);
      docToJSON(name, rebuilt.doc);
      rebuilt.doc.destroy();
      return performance.now() - started;
    };
    // Warm the page cache, as a running server would have it.
    await rebuild(last);
    const worstSeq = last - (last % 500) - 1;
    const worstSeqMs = Math.max(await rebuild(worstSeq), await rebuild(worstSeq));
    const samples: number[] = [];
    for (let i = 0; i < count; i++) samples.push(await rebuild(1 + Math.floor(((i + 0.5) / count) * (last - 1))));
    samples.push(worstSeqMs);
    return { samples: summarize(samples), worstSeqMs };
  } finally {
    db.close();
  }
}
