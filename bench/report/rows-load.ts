import { summarize } from '../lib/stats';
import type { JoinSample, PatternResult } from '../scenarios/load';
import type { BenchResults } from './results';
import { atMostRelay, noiseOf, perTarget, productAtMost, type Row, row, slashed } from './row';

type Joins = JoinSample[] | null | undefined;

const median = (joins: Joins, pick: (j: JoinSample) => number) =>
  joins?.length ? summarize(joins.map(pick)).p50 : null;
const most = (joins: Joins, pick: (j: JoinSample) => number) => (joins?.length ? Math.max(...joins.map(pick)) : null);
const ms = (x: number | null) => (x === null ? '-' : `${x.toFixed(1)} ms`);

/** First one in: the joins that loaded from storage; the relay keeps nothing, so its room-open joins stand in. */
const firstIn = (p: PatternResult) => p.cold ?? p.warm;
/** Every join of a series, room open and first in. */
const allJoins = (p: PatternResult) => [...p.warm, ...(p.cold ?? [])];

/** Scenario 4: joins to boards of 50,000 stored edits, and rebuilding their past versions (product only). */
export function loadRows(results: BenchResults): Row[] {
  const load = results.load;
  if (!load) return [];
  const rows: Row[] = [];
  for (const pattern of ['typing', 'random'] as const) {
    const per = (pick: (p: PatternResult) => number | null) => perTarget(load, (v) => pick(v[pattern]));
    const show = (pick: (p: PatternResult) => string) => slashed(load, (v) => pick(v[pattern]));
    const bounded = pattern === 'typing';
    const edits = Math.max(0, ...Object.values(per((p) => p.edits)).map((n) => n ?? 0));
    const at = { scenario: `4 load ${Math.round(edits / 1000)}k ${pattern}`, unit: 'ms' };
    rows.push(
      row(
        {
          ...at,
          metric: 'join -> synced p50 (room open)',
          values: per((p) => median(p.warm, (j) => j.syncedMs)),
          bound: bounded ? '<= 1.2x relay' : '',
          note: `socket open after ${show((p) => ms(median(p.warm, (j) => j.openMs)))}`,
        },
        bounded ? atMostRelay(1.2) : undefined,
      ),
      row(
        {
          ...at,
          metric: 'join -> synced p50 (first in: load)',
          values: per((p) => median(firstIn(p), (j) => j.syncedMs)),
          bound: bounded ? '<= 1.2x relay' : '',
          note: 'relay: room open (it keeps nothing)',
        },
        bounded ? atMostRelay(1.2) : undefined,
      ),
      row({
        ...at,
        metric: 'join -> socket open p50 (first in)',
        values: per((p) => median(firstIn(p), (j) => j.openMs)),
        note: 'the product authenticates before the socket opens, Hocuspocus over it (pipelined with the first sync)',
      }),
      row(
        {
          ...at,
          metric: 'event loop blocked per join (max)',
          values: per((p) => most(allJoins(p), (j) => j.stallMs)),
          bound: bounded ? '<= 75 ms' : '',
          note: `ping from outside; inside: ${show((p) => (most(allJoins(p), (j) => j.loopMaxMs) ?? 0).toFixed(0))} ms; first join after start ${show((p) => (p.firsts[0] ? p.firsts[0].stallMs.toFixed(0) : '-'))} ms${noiseOf(load)}`,
        },
        bounded ? productAtMost(75) : undefined,
      ),
    );
    const rebuild = load.product?.ok ? load.product.value[pattern].rebuild : null;
    if (rebuild) {
      rows.push(
        row({ ...at, metric: 'rebuild a past version p50', values: { product: rebuild.samples.p50 } }),
        row(
          {
            ...at,
            metric: 'rebuild a past version max',
            values: { product: rebuild.samples.max },
            bound: bounded ? '<= 200 ms' : '',
            note: `worst seq (499 after a checkpoint) ${rebuild.worstSeqMs.toFixed(0)} ms`,
          },
          bounded ? productAtMost(200) : undefined,
        ),
      );
    }
  }
  return rows;
}
