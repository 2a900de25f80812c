import type { ServerView } from '../scenarios/context';
import type { ThroughputStep } from '../scenarios/throughput';
import type { BenchResults, PerTarget } from './results';
import { atLeastRelay, atMostRelay, noiseOf, pct, perTarget, type Row, row, slashed } from './row';
import type { TailView } from './tail';

const mb = (bytes: number) => bytes / 2 ** 20;
const f0 = (x: number) => x.toFixed(0);

/** Where a tail may come from: the server's loop and GC, and the load generators' own loops. */
function stalls<T extends { server: ServerView; clientLoopMaxMs: number }>(per: PerTarget<T>): string {
  return `; server loop max ${slashed(per, (v) => f0(v.server.loopMaxMs))} ms, GC max ${slashed(per, (v) => f0(v.server.gcMaxMs))} ms; clients' loop max ${slashed(per, (v) => f0(v.clientLoopMaxMs))} ms`;
}

/** Of the arrivals at or above each target's p99: how many overlapped a GC pause, how many came in bursts. */
function tails<T extends { tail: TailView }>(per: PerTarget<T>): string {
  return `; late (>= p99) during a GC pause ${slashed(per, (v) => pct(v.tail.duringGc))} (a full GC ${slashed(per, (v) => pct(v.tail.duringMajorGc))}), in bursts ${slashed(per, (v) => pct(v.tail.inBursts))}`;
}

/** Scenarios 1 to 3: latency on one board, capacity with many boards, throughput of one board. */
export function realtimeRows(results: BenchResults): Row[] {
  const rows: Row[] = [];
  const latency = results.latency;
  if (latency) {
    const cpu = perTarget(latency, (v) => v.serverCpu);
    const at = { scenario: '1 latency', unit: 'ms', cpu };
    rows.push(
      row({ ...at, metric: 'edit -> every other editor p50', values: perTarget(latency, (v) => v.latency.p50) }),
      row(
        {
          ...at,
          metric: 'edit -> every other editor p99',
          values: perTarget(latency, (v) => v.latency.p99),
          bound: '<= 1.2x relay and <= 25 ms',
          note: `delivered ${slashed(latency, (v) => pct(v.delivered))}${stalls(latency)}${noiseOf(latency)}`,
        },
        (r) =>
          r.ratios.relay === null || r.values.product === null ? null : r.ratios.relay <= 1.2 && r.values.product <= 25,
      ),
    );
  }
  const capacity = results.capacity;
  if (capacity) {
    const cpu = perTarget(capacity, (v) => v.serverCpu);
    const sockets = Math.max(0, ...Object.values(perTarget(capacity, (v) => v.sockets)).map((n) => n ?? 0));
    const at = { scenario: '2 capacity', unit: 'ms' };
    const memory = { scenario: '2 capacity', unit: 'MB' };
    const product = capacity.product?.ok ? capacity.product.value : null;
    rows.push(
      row({ ...at, cpu, metric: `${sockets} sockets: edit p50`, values: perTarget(capacity, (v) => v.latency.p50) }),
      row(
        {
          ...at,
          cpu,
          metric: `${sockets} sockets: edit p99`,
          values: perTarget(capacity, (v) => v.latency.p99),
          bound: '<= 1.3x relay',
          note: `delivered ${slashed(capacity, (v) => pct(v.delivered))}${stalls(capacity)}${tails(capacity)}${noiseOf(capacity)}`,
        },
        atMostRelay(1.3),
      ),
      row({ ...at, metric: 'connect all sockets', values: perTarget(capacity, (v) => v.connectMs) }),
      row({
        ...memory,
        metric: 'heap used at start (after GC)',
        values: perTarget(capacity, (v) => mb(v.memory.start.heapUsed)),
      }),
      row({ ...memory, metric: 'heap used at peak', values: perTarget(capacity, (v) => mb(v.memory.peakHeapUsed)) }),
      row({
        ...memory,
        metric: 'heap used, all connected (after GC)',
        values: perTarget(capacity, (v) => mb(v.memory.loaded.heapUsed)),
      }),
      row(
        {
          ...memory,
          metric: 'heap used after all left (after GC)',
          values: perTarget(capacity, (v) => mb(v.memory.afterLeave.heapUsed)),
          bound: 'back to start (+2 MB)',
        },
        () => (product ? product.memory.afterLeave.heapUsed - product.memory.start.heapUsed <= 2 * 2 ** 20 : null),
      ),
      row({ ...memory, metric: 'RSS at peak', values: perTarget(capacity, (v) => mb(v.memory.peakRss)) }),
    );
  }
  const throughput = results.throughput;
  if (throughput) {
    // The step at the sustained rate (its last pass), whose CPU and p99 are reported.
    const step = (pick: (s: ThroughputStep) => number) =>
      perTarget(throughput, (v) => {
        const s = stepOf(v.steps, v.sustained);
        return s ? pick(s) : null;
      });
    const logged = throughput.product?.ok && throughput.product.value.logged !== null ? throughput.product.value : null;
    rows.push(
      row(
        {
          scenario: '3 throughput',
          metric: 'updates/s sustained, p99 < 50 ms',
          values: perTarget(throughput, (v) => v.sustained),
          unit: '/s',
          better: 'higher',
          bound: '>= 0.8x relay',
          cpu: step((s) => s.serverCpu),
          note: (logged ? `product logged ${logged.logged} of ${logged.sentTotal} sent` : '') + noiseOf(throughput),
        },
        atLeastRelay(0.8),
      ),
      row({
        scenario: '3 throughput',
        metric: 'p99 at the sustained rate',
        values: step((s) => s.latency.p99),
        unit: 'ms',
        note: `writers at that rate ${slashed(throughput, (v) => String(stepOf(v.steps, v.sustained)?.writers ?? '-'))}`,
      }),
    );
  }
  return rows;
}

/** The last passing step at the sustained rate. */
function stepOf(steps: ThroughputStep[], sustained: number): ThroughputStep | undefined {
  return steps.filter((s) => s.pass && s.rate === sustained).at(-1);
}
