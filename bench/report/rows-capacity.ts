import type { CapacityResult } from '../scenarios/capacity';
import { backToStart, heapPerSocketKb } from './memory';
import { stalls, tails } from './notes';
import type { BenchResults, PerTarget } from './results';
import { atMostRelay, noiseOf, pct, perTarget, type Row, row, slashed, value } from './row';

const mb = (bytes: number) => bytes / 2 ** 20;
const signedMb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${mb(bytes).toFixed(1)}`;

/** Scenario 6: the capacity rows once per shape, the shape in the scenario column. */
export function capacity10kRows(results: BenchResults): Row[] {
  return (results.capacity10k ?? []).flatMap((per) => {
    const shape = Object.values(per)
      .map((outcome) => value(outcome))
      .find((v) => v !== null);
    const label = shape ? `${shape.boards} x ${shape.socketsPerBoard}` : '?';
    return capacityRows(`6 capacity ${label}`, per);
  });
}

/** Scenario 2's rows, and each shape's of scenario 6: latency, connecting, memory. */
export function capacityRows(scenario: string, capacity: PerTarget<CapacityResult>): Row[] {
  const cpu = perTarget(capacity, (v) => v.serverCpu);
  const sockets = Math.max(0, ...Object.values(perTarget(capacity, (v) => v.sockets)).map((n) => n ?? 0));
  const at = { scenario, unit: 'ms' };
  const memory = { scenario, unit: 'MB' };
  const product = value(capacity.product);
  return [
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
    row({
      scenario,
      unit: 'KB',
      metric: 'heap per socket ((all connected - start) / sockets)',
      values: perTarget(capacity, (v) => heapPerSocketKb(v.memory, v.sockets)),
      note: `descriptors per socket: server ${slashed(capacity, (v) => v.fds.serverPerSocket.toFixed(2))}, load generators ${slashed(capacity, (v) => v.fds.clientsPerSocket.toFixed(2))}`,
    }),
    row(
      {
        ...memory,
        metric: 'heap used after all left (after GC)',
        values: perTarget(capacity, (v) => mb(v.memory.afterLeave.heapUsed)),
        bound: 'back to start (+2 MB)',
        note: `after all left - start ${slashed(capacity, (v) => signedMb(v.memory.afterLeave.heapUsed - v.memory.start.heapUsed))} MB`,
      },
      () => (product ? backToStart(product.memory) : null),
    ),
    row({ ...memory, metric: 'RSS at peak', values: perTarget(capacity, (v) => mb(v.memory.peakRss)) }),
  ];
}
