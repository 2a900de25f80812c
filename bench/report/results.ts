import type { BrowserResult } from '../scenarios/browser';
import type { CapacityResult } from '../scenarios/capacity';
import type { FailoverResult } from '../scenarios/failover';
import type { LatencyResult } from '../scenarios/latency';
import type { LoadResult } from '../scenarios/load';
import type { ThroughputResult } from '../scenarios/throughput';
import type { TargetName } from '../targets/types';

/**
 * A scenario's outcome on one target: its figures, or why it could not be measured; with the
 * cores other people's processes used meanwhile (noise) and how many tries it took.
 */
interface Run {
  ms: number;
  otherCpu: number;
  tries: number;
}
export type Outcome<T> = (Run & { ok: true; value: T }) | (Run & { ok: false; error: string });

export type PerTarget<T> = Partial<Record<TargetName, Outcome<T>>>;

export interface BenchResults {
  startedAt: string;
  quick: boolean;
  profile: boolean;
  machine: { cores: number; loadAverageAtStart: number; node: string };
  buildId: string | null;
  latency?: PerTarget<LatencyResult>;
  capacity?: PerTarget<CapacityResult>;
  throughput?: PerTarget<ThroughputResult>;
  load?: PerTarget<LoadResult>;
  browser?: PerTarget<BrowserResult>;
  /** Scenario 6: the capacity scenario at each shape of the options, in order. */
  capacity10k?: PerTarget<CapacityResult>[];
  /** Scenario 7 (--postgres): the product on PostgreSQL after one of its two processes is killed. */
  failover?: PerTarget<FailoverResult>;
  /** Whole run, ms (build copy, servers, every scenario on both targets). */
  durationMs: number;
}
