import type { ThroughputStep } from '../scenarios/throughput';
import type { BenchResults } from './results';
import { stalls } from './notes';
import { atLeastRelay, noiseOf, pct, perTarget, type Row, row, slashed } from './row';
import { capacityRows } from './rows-capacity';

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
  if (results.capacity) rows.push(...capacityRows('2 capacity', results.capacity));
  const throughput = results.throughput;
  if (throughput) {
    // The step at the sustained rate (its last pass), whose CPU and p99 are reported.
    const step = (pick: (s: ThroughputStep) => number) =>
      perTarget(throughput, (v) => {
        const s = stepOf(v.steps, v.sustained);
        return s ? pick(s) : null;
      });
    const logged = throughput.product?.ok && throughput.product.value.logged !== null ? throughput.product.value : null;
    const onPostgres = throughput.postgres?.ok ? throughput.postgres.value : null;
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
          note:
            (logged ? `product logged ${logged.logged} of ${logged.sentTotal} sent` : '') +
            (onPostgres ? `; on PostgreSQL logged ${onPostgres.logged ?? '-'} of ${onPostgres.sentTotal}` : '') +
            noiseOf(throughput),
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
