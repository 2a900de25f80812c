import { TARGET_NAMES, type TargetName } from './targets/types';

/**
 * What `npm run bench` runs. The full run is the one whose table goes in docs/performance.md;
 * --quick shortens everything for iterating on the bench itself (figures not comparable).
 *
 *   npm run bench                         all scenarios, the product, the relay and Hocuspocus
 *   npm run bench -- --quick              shorter, fewer sockets
 *   npm run bench -- --only=latency,load  a subset (latency, capacity, throughput, load, browser, capacity10k)
 *   npm run bench -- --targets=product,hocuspocus   a subset of the servers
 *   npm run bench -- --profile            CPU-profile the server in every measured window
 */
export const SCENARIOS = ['latency', 'capacity', 'throughput', 'load', 'browser', 'capacity10k'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchOptions {
  quick: boolean;
  profile: boolean;
  only: ScenarioName[];
  targets: TargetName[];
  /** durationMs is per target, measured in `rounds` alternating blocks (scenarios/blocks.ts). */
  latency: { editors: number; editsPerSecond: number; durationMs: number; rounds: number; processes: number };
  capacity: CapacityOptions;
  /** Scenario 6: the capacity scenario at each of these shapes, one after the other. */
  capacity10k: CapacityOptions[];
  throughput: { rates: number[]; stepMs: number; perWriterRate: number; p99LimitMs: number; processes: number };
  load: { edits: number; joins: number; rebuilds: number; pingEveryMs: number };
  browser: { characters: number; gapMs: number };
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
  const onlyArg = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const only = onlyArg ? onlyArg.split(',').map((name) => asScenario(name)) : [...SCENARIOS];
  const targetsArg = argv.find((a) => a.startsWith('--targets='))?.slice('--targets='.length);
  const targets = targetsArg ? targetsArg.split(',').map((name) => asTarget(name)) : [...TARGET_NAMES];
  return {
    quick,
    profile,
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

function asTarget(name: string): TargetName {
  const found = TARGET_NAMES.find((t) => t === name);
  if (!found) throw new Error(`unknown target ${name}; one of ${TARGET_NAMES.join(', ')}`);
  return found;
}

function asScenario(name: string): ScenarioName {
  const found = SCENARIOS.find((s) => s === name);
  if (!found) throw new Error(`unknown scenario ${name}; one of ${SCENARIOS.join(', ')}`);
  return found;
}
