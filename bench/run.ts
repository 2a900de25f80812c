/**
 * `npm run bench`: starts the product (its production build) and its two references, the bare
 * relay and Hocuspocus, runs every scenario against all three, prints a table and writes
 * bench/results/<time>.json (every target's figures). With --postgres, also the product on a
 * throwaway PostgreSQL served by two processes, in scenarios 1 to 3 and then the failover.
 * Never part of `npm test`. See docs/performance.md for what the figures mean.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS } from '../server/yjs/limits';
import { coreCount, loadAverage } from './lib/machine';
import { parseOptions } from './options';
import { buildRows } from './report/rows';
import type { BenchResults } from './report/results';
import { formatProfiles, formatTails } from './report/profiles-text';
import { formatTable } from './report/table';
import { runBrowser } from './scenarios/browser';
import { runCapacity } from './scenarios/capacity';
import type { RunContext } from './scenarios/context';
import { runFailover } from './scenarios/failover';
import { runLatency } from './scenarios/latency';
import { runLoad } from './scenarios/load';
import { runThroughput } from './scenarios/throughput';
import { type EditPattern, type GeneratedLog, generateLog } from './seed/generate';
import { snapshotApp } from './targets/app-snapshot';
import { startHocuspocus } from './targets/hocuspocus-target';
import { type PostgresServices, startPostgresServices } from './targets/postgres-services';
import { startProduct } from './targets/product';
import { startProductOnPostgres, type TwoProcessProduct } from './targets/product-postgres';
import { startRelay } from './targets/relay-target';
import { createRunner } from './runner';
import type { Target } from './targets/types';

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const resultsDir = path.join(__dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const log = (message: string) => console.log(message);
  const ctx: RunContext = { quick: options.quick, profile: options.profile, resultsDir, stamp, log };
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    quick: options.quick,
    profile: options.profile,
    machine: { cores: coreCount(), loadAverageAtStart: loadAverage(), node: process.version },
    buildId: null,
    durationMs: 0,
  };
  const servers = [...options.targets, ...(options.postgres ? ['the product on PostgreSQL (2 processes)'] : [])];
  log(
    `bench ${options.quick ? '(quick) ' : ''}: ${options.only.join(', ')} on ${servers.join(', ')}; load average ${results.machine.loadAverageAtStart.toFixed(2)} on ${results.machine.cores} cores`,
  );

  const app = options.targets.includes('product') || options.postgres ? await snapshotApp(log) : null;
  results.buildId = app?.buildId ?? null;
  const targets: Target[] = [];
  let services: PostgresServices | null = null;
  let postgres: TwoProcessProduct | null = null;
  // Servers run in their own process groups, PostgreSQL as a daemon: an interrupted run must stop them itself.
  const interrupt = () => {
    void Promise.all(targets.map((t) => t.stop())).finally(() => {
      services?.stop();
      app?.dispose();
      process.exit(130);
    });
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    if (app && options.targets.includes('product')) targets.push(await startProduct(app.dir));
    if (options.targets.includes('relay')) targets.push(await startRelay());
    if (options.targets.includes('hocuspocus')) targets.push(await startHocuspocus(log));
    if (app && options.postgres) {
      services = await startPostgresServices(log);
      postgres = await startProductOnPostgres(app.dir, services);
      targets.push(postgres);
    }
    const logs = options.only.includes('load') ? generateLogs(options.load.edits, log) : null;

    const { onEach, onAll } = createRunner(targets, options.only, options.quick, log);
    results.latency = await onAll('latency', (all) => runLatency(all, options.latency, ctx));
    results.capacity = await onAll('capacity', (all) => runCapacity(all, options.capacity, ctx));
    results.throughput = await onAll('throughput', (all) => runThroughput(all, options.throughput, ctx));
    results.load = await onEach('load', (t) => {
      if (!logs) throw new Error('no seed logs');
      return runLoad(t, options.load, logs, ctx);
    });
    results.browser = await onEach('browser', (t) => runBrowser(t, options.browser, ctx));
    // Last: its 10,000 sockets per server would weigh on nothing after it.
    if (options.only.includes('capacity10k')) results.capacity10k = [];
    for (const shape of options.capacity10k) {
      const label = `capacity10k-${shape.boards}x${shape.editorsPerBoard}`;
      if (options.only.includes('capacity10k')) log(`${shape.boards} boards x ${shape.editorsPerBoard} sockets:`);
      const per = await onAll('capacity10k', (all) => runCapacity(all, shape, ctx, label));
      if (per) results.capacity10k?.push(per);
    }
    // After everything else: it kills one of the two processes of the product on PostgreSQL.
    results.failover = await onEach('failover', () => {
      if (!postgres) throw new Error('the failover needs --postgres');
      return runFailover(postgres, options.failover, ctx);
    });
  } finally {
    await Promise.all(targets.map((t) => t.stop()));
    services?.stop();
    app?.dispose();
  }

  results.durationMs = performance.now() - started;
  const rows = buildRows(results);
  const file = path.join(resultsDir, `${stamp}${options.quick ? '-quick' : ''}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { ...results, rows },
      (_key, value: unknown) => (value instanceof Float64Array ? Array.from(value) : value),
      2,
    ),
  );
  if (options.profile) {
    log('');
    log(formatProfiles(results));
    log(formatTails(results));
  }
  log('');
  log(formatTable(rows));
  log('');
  log(
    `server CPU: share of one core (the machine has ${results.machine.cores}); results in ${path.relative(process.cwd(), file)}`,
  );
  log(`run time ${(results.durationMs / 1000).toFixed(0)} s`);
}

function generateLogs(edits: number, log: (m: string) => void): Record<EditPattern, GeneratedLog> {
  const t0 = performance.now();
  // Checkpoints at the server's own interval, so the seeded log is what it would have written.
  const every = DEFAULT_LIMITS.checkpointEvery;
  const logs = { typing: generateLog('typing', edits, every), random: generateLog('random', edits, every) };
  log(`generated 2 x ${edits} edits in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return logs;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
