import { type ProductOrReference, TARGET_NAMES, type TargetName } from './targets/types';

/**
 * What `npm run bench` runs. The full run is the one whose table goes in docs/performance.md;
 * --quick shortens everything for iterating on the bench itself (figures not comparable).
 *
 *   npm run bench                         all scenarios, the product, the relay and Hocuspocus
 *   npm run bench -- --quick              shorter, fewer sockets
 *   npm run bench -- --only=latency,load  a subset (latency, capacity, throughput, load, browser, capacity10k;
 *                                         failover with --postgres)
 *   npm run bench -- --targets=product,hocuspocus   a subset of the servers
 *   npm run bench -- --profile            CPU-profile the server in every measured window
 *   npm run bench -- --postgres           also the product on PostgreSQL, two processes (scenarios
 *                                         latency, capacity and throughput), and the failover
 */
export const SCENARIOS = ['latency', 'capacity', 'throughput', 'load', 'browser', 'capacity10k', 'failover'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** What the product on PostgreSQL with two processes is measured in (with --postgres); the failover only there. */
export const POSTGRES_SCENARIOS: readonly ScenarioName[] = ['latency', 'capacity', 'throughput', 'failover'];

/** Whether a scenario is measured on a target: the browser needs the product's pages, the failover its two processes. */
export function runsOn(scenario: ScenarioName, target: TargetName): boolean {
  if (scenario === 'browser') return target === 'product';
  if (scenario === 'failover') return target === 'postgres';
  return target !== 'postgres' || POSTGRES_SCENARIOS.includes(scenario);
}

export interface BenchOptions {
  quick: boolean;
  profile: boolean;
  /** Also the product on PostgreSQL with two processes (a throwaway PostgreSQL 15 of its own). */
  postgres: boolean;
  only: ScenarioName[];
  /** The product and its references to start (--postgres adds the product on PostgreSQL). */
  targets: ProductOrReference[];
  /** durationMs is per target, measured in `rounds` alternating blocks (scenarios/blocks.ts). */
  latency: { editors: number; editsPerSecond: number; durationMs: number; rounds: number; processes: number };
  capacity: CapacityOptions;
  /** Scenario 6: the capacity scenario at each of these shapes, one after the other. */
  capacity10k: CapacityOptions[];
  throughput: { rates: number[]; stepMs: number; perWriterRate: number; p99LimitMs: number; processes: number };
  load: { edits: number; joins: number; rebuilds: number; pingEveryMs: number };
  browser: { characters: number; gapMs: number };
  failover: FailoverOptions;
}

/** Scenario 7: boards served by one process, edited through the other, whose owner is killed. */
export interface FailoverOptions {
  boards: number;
  /** How long a board may take to be edited again before it counts as not back. */
  timeoutMs: number;
}

/** One shape of the capacity scenario: how many boards, how many sockets on each, how busy. */
export interface CapacityOptions {
  boards: number;
  /** Sockets per board (all in one load generator, cycling over the board's people). */
  editorsPerBoard: number;
  /** May be below 1: 0.2 is one keystroke every 5 s per board. */
  editsPerSecondPerBoard: number;
  durationMs: number;
  rounds: number;
  processes: number;
}

export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const profile = argv.includes('--profile');
  const postgres = argv.includes('--postgres');
  const onlyArg = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  // The failover needs the two processes on PostgreSQL: without --postgres it is not run.
  const only = onlyArg
    ? onlyArg.split(',').map((name) => asScenario(name))
    : SCENARIOS.filter((name) => postgres || name !== 'failover');
  if (!postgres && only.includes('failover')) throw new Error('the failover scenario needs --postgres');
  const targetsArg = argv.find((a) => a.startsWith('--targets='))?.slice('--targets='.length);
  const targets = targetsArg ? targetsArg.split(',').map((name) => asTarget(name)) : [...TARGET_NAMES];
  return {
    quick,
    profile,
    postgres,
    only,
    targets,
    latency: {
      editors: quick ? 20 : 50,
      editsPerSecond: 2,
      durationMs: quick ? 8_000 : 30_000,
      rounds: quick ? 2 : 3,
      processes: 2,
    },
    capacity: capacityShape(quick, { boards: quick ? 50 : 500, editorsPerBoard: 4, editsPerSecondPerBoard: 1 }, 60_000),
    // 10,000 sockets on small boards, then crowded boards where awareness fans out 19 times.
    // The total edit rate is kept near scenario 2's (500 keystrokes, 1,500 deliveries a second)
    // so that the load generators, on the same two cores, do about the work they do there.
    capacity10k: [
      capacityShape(quick, { boards: quick ? 250 : 2500, editorsPerBoard: 4, editsPerSecondPerBoard: 0.2 }, 45_000),
      capacityShape(quick, { boards: quick ? 20 : 100, editorsPerBoard: 20, editsPerSecondPerBoard: 1 }, 45_000),
    ],
    throughput: {
      rates: [250, 500, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 8000, 10000, 12000, 16000, 20000, 25000],
      stepMs: quick ? 2_000 : 4_000,
      // Under the product's 200 messages/s per socket (server/yjs/limits.ts), with margin.
      perWriterRate: 180,
      p99LimitMs: 50,
      processes: 2,
    },
    load: { edits: quick ? 10_000 : 50_000, joins: quick ? 3 : 10, rebuilds: quick ? 5 : 20, pingEveryMs: 2 },
    browser: { characters: quick ? 20 : 100, gapMs: 150 },
    // The same in --quick: it lasts about one lease (5 s) and a few reconnections however many boards.
    failover: { boards: 20, timeoutMs: 30_000 },
  };
}

/** A capacity shape with the timing every shape shares (--quick: shorter, fewer processes). */
function capacityShape(
  quick: boolean,
  shape: Pick<CapacityOptions, 'boards' | 'editorsPerBoard' | 'editsPerSecondPerBoard'>,
  durationMs: number,
): CapacityOptions {
  return {
    ...shape,
    durationMs: quick ? Math.min(durationMs, 10_000) : durationMs,
    rounds: quick ? 2 : 3,
    processes: quick ? 2 : 4,
  };
}

function asTarget(name: string): ProductOrReference {
  const found = TARGET_NAMES.find((t) => t === name);
  if (!found) throw new Error(`unknown target ${name}; one of ${TARGET_NAMES.join(', ')}`);
  return found;
}

function asScenario(name: string): ScenarioName {
  const found = SCENARIOS.find((s) => s === name);
  if (!found) throw new Error(`unknown scenario ${name}; one of ${SCENARIOS.join(', ')}`);
  return found;
}
