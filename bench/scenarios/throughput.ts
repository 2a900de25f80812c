import { sleep } from '../../test/helpers/wait';
import { matchEdits } from '../lib/match';
import { type Summary, summarize } from '../lib/stats';
import type { EditorsReport, EditorsSpec } from '../load/editors';
import { callAll, closeAll, LoadProcess } from '../load/pool';
import type { WriterStep, WritersReport, WritersSpec } from '../load/writers';
import type { BenchOptions } from '../options';
import type { ProfileSummary } from '../report/profile';
import type { Target, TargetName } from '../targets/types';
import { measured, type RunContext } from './context';

export interface ThroughputStep {
  rate: number;
  /** First try at a rate, its second try, or the step halfway back after a failure. */
  kind: 'step' | 'retry' | 'bisect';
  writers: number;
  sent: number;
  received: number;
  latency: Summary;
  closedWriters: number[];
  serverCpu: number;
  clientCpu: number;
  otherCpu: number;
  pass: boolean;
  profile: ProfileSummary | null;
}

export interface ThroughputResult {
  /** Highest offered rate (updates/s) that passed: p99 under the limit, all delivered, nobody cut off. */
  sustained: number;
  steps: ThroughputStep[];
  /** Rows in the product's update log for the board after the run (null on the references). */
  logged: number | null;
  /** Updates the writers sent, warm-up included: all of them should be logged. */
  sentTotal: number;
  /** With --profile: the server at saturation (the first failing step), else at the last step. */
  profile: ProfileSummary | null;
}

interface Rig {
  target: Target;
  docName: string;
  observer: LoadProcess;
  writers: LoadProcess[];
  steps: ThroughputStep[];
  sentTotal: number;
}

/**
 * Scenario 3: one board, an offered update rate stepped up until the p99 of send-to-arrival at
 * an observing editor passes the limit. Every writer stays under the product's per-socket
 * message limit, so the number of writers grows with the rate, and every update fans out to
 * all of them; every server sees exactly the same sockets and frames. A failing rate is tried
 * twice; then one step halfway back refines it. The targets take turns at each step.
 */
export async function runThroughput(
  targets: Target[],
  options: BenchOptions['throughput'],
  ctx: RunContext,
): Promise<Partial<Record<TargetName, ThroughputResult>>> {
  const rigs: Rig[] = [];
  try {
    for (const target of targets) rigs.push(await connect(target, options));
    for (let turn = 0; ; turn++) {
      const due = rigs.map((rig) => ({ rig, next: nextStep(rig.steps, options.rates) })).filter((x) => x.next !== null);
      if (due.length === 0) break;
      if (turn % 2 === 1) due.reverse();
      for (const { rig, next } of due) if (next) rig.steps.push(await runStep(rig, next.rate, next.kind, options, ctx));
    }
    const results: Partial<Record<TargetName, ThroughputResult>> = {};
    for (const rig of rigs) results[rig.target.name] = await result(rig);
    return results;
  } finally {
    await closeAll(rigs.flatMap((rig) => [rig.observer, ...rig.writers]));
  }
}

async function connect(target: Target, options: BenchOptions['throughput']): Promise<Rig> {
  const [board] = await target.prepareBoards(1, 4);
  if (!board) throw new Error('no board');
  const observerSpec: EditorsSpec = {
    wsBase: target.wsBase,
    endpoints: target.endpoints,
    wire: target.wire,
    boards: [board],
    socketsPerBoard: 1,
    editsPerSecondPerBoard: 0,
    connectConcurrency: 1,
    fieldPrefix: 'observer.',
  };
  const observer = await LoadProcess.start('editors', observerSpec);
  await observer.call('connect');
  const writers: LoadProcess[] = [];
  for (let i = 0; i < options.processes; i++) {
    const spec: WritersSpec = {
      wsBase: target.wsBase,
      endpoints: target.endpoints,
      wire: target.wire,
      docName: board.docName,
      cookies: board.cookies,
    };
    writers.push(await LoadProcess.start('writers', spec));
  }
  // Warm-up, not counted: the first updates through fresh processes pay for JIT compilation
  // and lazy module loading on both sides, which is not what this step test is about.
  const warmUp = await callAll<WritersReport>(writers, 'step', {
    writers: 1,
    ratePerWriter: 100,
    durationMs: 1500,
  } satisfies WriterStep);
  await sleep(300);
  await observer.call('collect');
  return {
    target,
    docName: board.docName,
    observer,
    writers,
    steps: [],
    sentTotal: warmUp.reduce((sum, r) => sum + r.sent, 0),
  };
}

/** What a target runs next, from what it has run so far; null when it is done. */
function nextStep(steps: ThroughputStep[], rates: number[]): { rate: number; kind: ThroughputStep['kind'] } | null {
  const last = steps.at(-1);
  if (!last) return rates[0] === undefined ? null : { rate: rates[0], kind: 'step' };
  if (last.kind === 'bisect') return null;
  if (last.pass) {
    const rate = rates.find((r) => r > last.rate);
    return rate === undefined ? null : { rate, kind: 'step' };
  }
  // One stall (a GC in a load generator) can sink a p99 of a few thousand samples.
  if (last.kind === 'step') return { rate: last.rate, kind: 'retry' };
  const lastPass = Math.max(0, ...steps.filter((s) => s.pass).map((s) => s.rate));
  const middle = Math.round((lastPass + last.rate) / 2 / 50) * 50;
  return lastPass > 0 && middle > lastPass && middle < last.rate ? { rate: middle, kind: 'bisect' } : null;
}

async function runStep(
  rig: Rig,
  rate: number,
  kind: ThroughputStep['kind'],
  options: BenchOptions['throughput'],
  ctx: RunContext,
): Promise<ThroughputStep> {
  const processes = [rig.observer, ...rig.writers];
  const total = Math.max(options.processes, Math.ceil(rate / options.perWriterRate));
  const each = Math.ceil(total / options.processes);
  const step: WriterStep = {
    writers: each,
    ratePerWriter: rate / (each * options.processes),
    durationMs: options.stepMs,
  };
  await rig.observer.call('collect');
  const window = await measured(ctx, rig.target, `throughput-${rate}-${kind}`, processes, () =>
    callAll<WritersReport>(rig.writers, 'step', step),
  );
  await sleep(500);
  const seen = await rig.observer.call<EditorsReport>('collect');
  const matched = matchEdits(
    window.value.map((r) => r.sends),
    [seen.arrivals],
  );
  rig.sentTotal += window.value.reduce((sum, r) => sum + r.sent, 0);
  const closedWriters = window.value.flatMap((r) => r.closed);
  const latency = summarize(matched.samples);
  const pass =
    latency.p99 <= options.p99LimitMs && matched.arrivals >= matched.sent * 0.999 && closedWriters.length === 0;
  ctx.log(
    `  ${rig.target.name} ${rate}/s (${each * options.processes} writers): p99 ${latency.p99.toFixed(1)} ms, ${matched.arrivals}/${matched.sent} arrived, ` +
      `server ${pct(window.serverCpu)}, clients ${pct(window.clientCpu)}, others ${pct(window.otherCpu)} ${pass ? 'ok' : 'FAIL'}`,
  );
  return {
    rate,
    kind,
    writers: each * options.processes,
    sent: matched.sent,
    received: matched.arrivals,
    latency,
    closedWriters,
    serverCpu: window.serverCpu,
    clientCpu: window.clientCpu,
    otherCpu: window.otherCpu,
    pass,
    profile: window.profile,
  };
}

async function result(rig: Rig): Promise<ThroughputResult> {
  const saturated = rig.steps.find((s) => !s.pass) ?? rig.steps.at(-1);
  return {
    sustained: Math.max(0, ...rig.steps.filter((s) => s.pass).map((s) => s.rate)),
    // Only the saturated step's profile is kept (in `profile`); every step's file is on disk.
    steps: rig.steps.map((s) => ({ ...s, profile: null })),
    logged: rig.target.countLogged ? await rig.target.countLogged(rig.docName) : null,
    sentTotal: rig.sentTotal,
    profile: saturated?.profile ?? null,
  };
}

function pct(cores: number): string {
  return `${(cores * 100).toFixed(0)}%`;
}
