import { summarize } from '../lib/stats';
import type { ServerView } from '../scenarios/context';
import type { JoinSample } from '../scenarios/load';
import type { TailView } from './tail';
import type { BenchResults, Outcome } from './results';

/** One line of the table: a figure on the product, on the relay, and how it is judged. */
export interface Row {
  scenario: string;
  metric: string;
  product: number | null;
  relay: number | null;
  unit: string;
  /** product / relay when both exist. */
  ratio: number | null;
  /** Human form of the bound; '' when the figure is reported without one. */
  bound: string;
  pass: boolean | null;
  /** Server CPU (cores) during the measurement, product and relay. */
  cpu: [number | null, number | null];
  note: string;
}

function value<T>(outcome: Outcome<T> | undefined): T | null {
  return outcome?.ok ? outcome.value : null;
}

function ratioOf(product: number | null, relay: number | null): number | null {
  return product !== null && relay !== null && relay > 0 ? product / relay : null;
}

function row(
  partial: Omit<Row, 'ratio' | 'pass' | 'bound' | 'note' | 'cpu'> & Partial<Pick<Row, 'bound' | 'note' | 'cpu'>>,
  judge?: (r: Row) => boolean | null,
): Row {
  const built: Row = {
    bound: '',
    note: '',
    cpu: [null, null],
    ...partial,
    ratio: ratioOf(partial.product, partial.relay),
    pass: null,
  };
  built.pass = judge ? judge(built) : null;
  return built;
}

const atMostRatio = (limit: number) => (r: Row) => (r.ratio === null ? null : r.ratio <= limit);
const atLeastRatio = (limit: number) => (r: Row) => (r.ratio === null ? null : r.ratio >= limit);

/** Notes a measurement disturbed by other people's processes (cores they used meanwhile). */
function noise(...outcomes: (Outcome<unknown> | undefined)[]): string {
  const loud = outcomes.filter((o): o is Outcome<unknown> => o !== undefined && o.otherCpu > 0.25);
  return loud.length ? `; others busy ${loud.map((o) => o.otherCpu.toFixed(2)).join('/')} cores` : '';
}

export function buildRows(results: BenchResults): Row[] {
  const rows: Row[] = [];
  const lat = { p: value(results.latency?.product), r: value(results.latency?.relay) };
  if (results.latency) {
    const cpu: [number | null, number | null] = [lat.p?.serverCpu ?? null, lat.r?.serverCpu ?? null];
    rows.push(
      row({
        scenario: '1 latency',
        metric: 'edit -> every other editor p50',
        product: lat.p?.latency.p50 ?? null,
        relay: lat.r?.latency.p50 ?? null,
        unit: 'ms',
        cpu,
      }),
    );
    rows.push(
      row(
        {
          scenario: '1 latency',
          metric: 'edit -> every other editor p99',
          product: lat.p?.latency.p99 ?? null,
          relay: lat.r?.latency.p99 ?? null,
          unit: 'ms',
          bound: '<= 1.2x relay and <= 25 ms',
          cpu,
          note: `delivered ${pct(lat.p?.delivered)} / ${pct(lat.r?.delivered)}${stalls(lat.p, lat.r)}${noise(results.latency.product, results.latency.relay)}`,
        },
        (r) => (r.ratio === null || r.product === null ? null : r.ratio <= 1.2 && r.product <= 25),
      ),
    );
  }
  const cap = { p: value(results.capacity?.product), r: value(results.capacity?.relay) };
  if (results.capacity) {
    const cpu: [number | null, number | null] = [cap.p?.serverCpu ?? null, cap.r?.serverCpu ?? null];
    const sockets = cap.p?.sockets ?? cap.r?.sockets ?? 0;
    rows.push(
      row({
        scenario: '2 capacity',
        metric: `${sockets} sockets: edit p50`,
        product: cap.p?.latency.p50 ?? null,
        relay: cap.r?.latency.p50 ?? null,
        unit: 'ms',
        cpu,
      }),
    );
    rows.push(
      row(
        {
          scenario: '2 capacity',
          metric: `${sockets} sockets: edit p99`,
          product: cap.p?.latency.p99 ?? null,
          relay: cap.r?.latency.p99 ?? null,
          unit: 'ms',
          bound: '<= 1.3x relay',
          cpu,
          note: `delivered ${pct(cap.p?.delivered)} / ${pct(cap.r?.delivered)}${stalls(cap.p, cap.r)}${tail(cap.p?.tail, cap.r?.tail)}${noise(results.capacity.product, results.capacity.relay)}`,
        },
        atMostRatio(1.3),
      ),
    );
    rows.push(
      row({
        scenario: '2 capacity',
        metric: 'connect all sockets',
        product: cap.p?.connectMs ?? null,
        relay: cap.r?.connectMs ?? null,
        unit: 'ms',
      }),
    );
    const mb = (bytes: number | undefined) => (bytes === undefined ? null : bytes / 2 ** 20);
    rows.push(
      row({
        scenario: '2 capacity',
        metric: 'heap used at start (after GC)',
        product: mb(cap.p?.memory.start.heapUsed),
        relay: mb(cap.r?.memory.start.heapUsed),
        unit: 'MB',
      }),
    );
    rows.push(
      row({
        scenario: '2 capacity',
        metric: 'heap used at peak',
        product: mb(cap.p?.memory.peakHeapUsed),
        relay: mb(cap.r?.memory.peakHeapUsed),
        unit: 'MB',
      }),
    );
    rows.push(
      row({
        scenario: '2 capacity',
        metric: 'heap used, all connected (after GC)',
        product: mb(cap.p?.memory.loaded.heapUsed),
        relay: mb(cap.r?.memory.loaded.heapUsed),
        unit: 'MB',
      }),
    );
    rows.push(
      row(
        {
          scenario: '2 capacity',
          metric: 'heap used after all left (after GC)',
          product: mb(cap.p?.memory.afterLeave.heapUsed),
          relay: mb(cap.r?.memory.afterLeave.heapUsed),
          unit: 'MB',
          bound: 'back to start (+2 MB)',
        },
        () => (cap.p ? cap.p.memory.afterLeave.heapUsed - cap.p.memory.start.heapUsed <= 2 * 2 ** 20 : null),
      ),
    );
    rows.push(
      row({
        scenario: '2 capacity',
        metric: 'RSS at peak',
        product: mb(cap.p?.memory.peakRss),
        relay: mb(cap.r?.memory.peakRss),
        unit: 'MB',
      }),
    );
  }
  const thr = { p: value(results.throughput?.product), r: value(results.throughput?.relay) };
  if (results.throughput) {
    const at = (t: typeof thr.p) => t?.steps.filter((s) => s.pass && s.rate === t.sustained).at(-1) ?? null;
    const ps = at(thr.p);
    const rs = at(thr.r);
    const logged =
      (thr.p?.logged !== null && thr.p?.logged !== undefined
        ? `logged ${thr.p.logged} of ${thr.p.sentTotal} sent`
        : '') + noise(results.throughput.product, results.throughput.relay);
    rows.push(
      row(
        {
          scenario: '3 throughput',
          metric: 'updates/s sustained, p99 < 50 ms',
          product: thr.p?.sustained ?? null,
          relay: thr.r?.sustained ?? null,
          unit: '/s',
          bound: '>= 0.8x relay',
          cpu: [ps?.serverCpu ?? null, rs?.serverCpu ?? null],
          note: logged,
        },
        atLeastRatio(0.8),
      ),
    );
    rows.push(
      row({
        scenario: '3 throughput',
        metric: 'p99 at the sustained rate',
        product: ps?.latency.p99 ?? null,
        relay: rs?.latency.p99 ?? null,
        unit: 'ms',
      }),
    );
  }
  const load = { p: value(results.load?.product), r: value(results.load?.relay) };
  if (results.load) {
    for (const pattern of ['typing', 'random'] as const) {
      const p = load.p?.[pattern];
      const r = load.r?.[pattern];
      const bounded = pattern === 'typing';
      const edits = p?.edits ?? r?.edits ?? 0;
      const label = `4 load ${Math.round(edits / 1000)}k ${pattern}`;
      const med = (joins: JoinSample[] | null | undefined, pick: (j: JoinSample) => number) =>
        joins?.length ? summarize(joins.map(pick)).p50 : null;
      const max = (joins: JoinSample[] | null | undefined, pick: (j: JoinSample) => number) =>
        joins?.length ? Math.max(...joins.map(pick)) : null;
      const opened = (joins: JoinSample[] | null | undefined) => {
        const ms = med(joins, (j) => j.openMs);
        return ms === null ? '-' : `${ms.toFixed(1)} ms`;
      };
      rows.push(
        row(
          {
            scenario: label,
            metric: 'join -> synced p50 (room open)',
            product: med(p?.warm, (j) => j.syncedMs),
            relay: med(r?.warm, (j) => j.syncedMs),
            unit: 'ms',
            bound: bounded ? '<= 1.2x relay' : '',
            note: `socket open after ${opened(p?.warm)} / ${opened(r?.warm)}`,
          },
          bounded ? atMostRatio(1.2) : undefined,
        ),
      );
      rows.push(
        row(
          {
            scenario: label,
            metric: 'join -> synced p50 (first in: load)',
            product: med(p?.cold, (j) => j.syncedMs),
            relay: med(r?.warm, (j) => j.syncedMs),
            unit: 'ms',
            bound: bounded ? '<= 1.2x relay' : '',
            note: `socket open after ${opened(p?.cold)}; relay: room open (it keeps nothing)`,
          },
          bounded ? atMostRatio(1.2) : undefined,
        ),
      );
      const stall = Math.max(max(p?.warm, (j) => j.stallMs) ?? 0, max(p?.cold, (j) => j.stallMs) ?? 0);
      const loop = Math.max(max(p?.warm, (j) => j.loopMaxMs) ?? 0, max(p?.cold, (j) => j.loopMaxMs) ?? 0);
      rows.push(
        row(
          {
            scenario: label,
            metric: 'event loop blocked per join (max)',
            product: p ? stall : null,
            relay: max(r?.warm, (j) => j.stallMs),
            unit: 'ms',
            bound: bounded ? '<= 75 ms' : '',
            note: `ping from outside; inside: ${p ? loop.toFixed(0) : '-'} ms; first join after start ${p?.firsts[0] ? p.firsts[0].stallMs.toFixed(0) : '-'} ms${noise(results.load.product, results.load.relay)}`,
          },
          bounded ? (x) => (x.product === null ? null : x.product <= 75) : undefined,
        ),
      );
      if (p?.rebuild) {
        rows.push(
          row({
            scenario: label,
            metric: 'rebuild a past version p50',
            product: p.rebuild.samples.p50,
            relay: null,
            unit: 'ms',
          }),
        );
        rows.push(
          row(
            {
              scenario: label,
              metric: 'rebuild a past version max',
              product: p.rebuild.samples.max,
              relay: null,
              unit: 'ms',
              bound: bounded ? '<= 200 ms' : '',
              note: `worst seq (499 after a checkpoint) ${p.rebuild.worstSeqMs.toFixed(0)} ms`,
            },
            bounded ? (x) => (x.product === null ? null : x.product <= 200) : undefined,
          ),
        );
      }
    }
  }
  const br = value(results.browser?.product);
  if (results.browser) {
    const cpu: [number | null, number | null] = [br?.serverCpu ?? null, null];
    rows.push(
      row({
        scenario: '5 browser',
        metric: 'keystroke -> other browser p50',
        product: br?.keyToScreen.p50 ?? null,
        relay: null,
        unit: 'ms',
        cpu,
        note: br ? `${br.seen}/${br.typed} seen, field ${br.field}${noise(results.browser.product)}` : '',
      }),
    );
    rows.push(
      row({
        scenario: '5 browser',
        metric: 'keystroke -> other browser p99',
        product: br?.keyToScreen.p99 ?? null,
        relay: null,
        unit: 'ms',
        cpu,
      }),
    );
    rows.push(
      row({
        scenario: '5 browser',
        metric: 'board page JavaScript (gzip)',
        product: br ? br.js.gzipBytes / 1024 : null,
        relay: null,
        unit: 'KB',
        note: br ? `${br.js.files} files, ${(br.js.rawBytes / 1024).toFixed(0)} KB raw` : '',
      }),
    );
    rows.push(
      row({
        scenario: '5 browser',
        metric: 'board page open -> field editable',
        product: br?.editableMs ?? null,
        relay: null,
        unit: 'ms',
      }),
    );
    const run = br?.runPage;
    rows.push(
      row({
        scenario: '5 browser',
        metric: 'run page JavaScript (gzip)',
        product: run ? run.js.gzipBytes / 1024 : null,
        relay: null,
        unit: 'KB',
        note: run ? `${run.js.files} files, ${(run.js.rawBytes / 1024).toFixed(0)} KB raw` : '',
      }),
    );
    rows.push(
      row({
        scenario: '5 browser',
        metric: 'run page, slow phone: open -> order and safety plan shown',
        product: run?.contentMs ?? null,
        relay: null,
        unit: 'ms',
        note: run ? `fast connection ${run.fast.contentMs.toFixed(0)} ms` : '',
      }),
    );
    rows.push(
      row({
        scenario: '5 browser',
        metric: 'run page, slow phone: open -> usable (live)',
        product: run?.usableMs ?? null,
        relay: null,
        unit: 'ms',
        note: run ? `fast connection ${run.fast.usableMs.toFixed(0)} ms; 1.6 Mbit/s, 150 ms, CPU x4, no cache` : '',
      }),
    );
  }
  return rows;
}

/** Where a tail may come from: the server's loop and GC, and the load generators' own loops. */
function stalls(
  p: { server: ServerView; clientLoopMaxMs: number } | null,
  r: { server: ServerView; clientLoopMaxMs: number } | null,
): string {
  const f = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(0));
  return `; server loop max ${f(p?.server.loopMaxMs)} / ${f(r?.server.loopMaxMs)} ms, GC max ${f(p?.server.gcMaxMs)} / ${f(r?.server.gcMaxMs)} ms; clients' loop max ${f(p?.clientLoopMaxMs)} / ${f(r?.clientLoopMaxMs)} ms`;
}

/** Of the arrivals at or above each target's p99: how many overlapped a GC pause, how many came in bursts. */
function tail(p: TailView | undefined, r: TailView | undefined): string {
  return `; late (>= p99) during a GC pause ${pct(p?.duringGc)} / ${pct(r?.duringGc)} (a full GC ${pct(p?.duringMajorGc)} / ${pct(r?.duringMajorGc)}), in bursts ${pct(p?.inBursts)} / ${pct(r?.inBursts)}`;
}

function pct(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? '-' : `${(x * 100).toFixed(1)}%`;
}
