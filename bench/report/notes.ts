import type { ServerView } from '../scenarios/context';
import type { PerTarget } from './results';
import { pct, slashed } from './row';
import type { TailView } from './tail';

const f0 = (x: number) => x.toFixed(0);

/** Where a tail may come from: the server's loop and GC, and the load generators' own loops. */
export function stalls<T extends { server: ServerView; clientLoopMaxMs: number }>(per: PerTarget<T>): string {
  return `; server loop max ${slashed(per, (v) => f0(v.server.loopMaxMs))} ms, GC max ${slashed(per, (v) => f0(v.server.gcMaxMs))} ms; clients' loop max ${slashed(per, (v) => f0(v.clientLoopMaxMs))} ms`;
}

/** Of the arrivals at or above each target's p99: how many overlapped a GC pause, how many came in bursts. */
export function tails<T extends { tail: TailView }>(per: PerTarget<T>): string {
  return `; late (>= p99) during a GC pause ${slashed(per, (v) => pct(v.tail.duringGc))} (a full GC ${slashed(per, (v) => pct(v.tail.duringMajorGc))}), in bursts ${slashed(per, (v) => pct(v.tail.inBursts))}`;
}
