import { OthersMeter, waitForQuiet } from './lib/machine';
import { runsOn, type ScenarioName } from './options';
import type { Outcome, PerTarget } from './report/results';
import type { Target, TargetName } from './targets/types';

/** Total time the run may spend waiting for other people's work to finish, across scenarios. */
const QUIET_BUDGET_MS = 120_000;
/** "Quiet": under this many cores busy machine-wide (our two idle servers included). */
const QUIET_CORES = 0.4;
/** A measurement during which others used more than this many cores is redone if time allows. */
const NOISY_CORES = 0.25;
/** Scenario time the full run may spend redoing noisy measurements (the run stays near 10 min). */
const RETRY_BUDGET_MS = 90_000;

/**
 * Runs scenarios and keeps each one's outcome, failures included, so one broken scenario does
 * not lose the others' figures. Other people's work on this machine skews every figure: the
 * runner waits for a quiet machine first, and redoes a measurement that others disturbed
 * anyway while its budgets last.
 */
export function createRunner(targets: Target[], only: ScenarioName[], quick: boolean, log: (m: string) => void) {
  let quietBudget = QUIET_BUDGET_MS;
  let retryBudget = quick ? 0 : RETRY_BUDGET_MS;

  const attempt = async <T>(name: ScenarioName, on: string, body: () => Promise<T>): Promise<Outcome<T>> => {
    // The failover kills a process of the server: it cannot be measured twice.
    const repeatable = name !== 'failover';
    for (let tries = 1; ; tries++) {
      const waitStarted = Date.now();
      if (quietBudget > 0) await waitForQuiet(QUIET_CORES, quietBudget, log);
      quietBudget -= Date.now() - waitStarted;
      log(`${name} on ${on}${tries > 1 ? ` (try ${tries})` : ''}`);
      const t0 = performance.now();
      const others = new OthersMeter();
      let outcome: Outcome<T>;
      try {
        const value = await body();
        outcome = { ok: true, value, ms: performance.now() - t0, otherCpu: others.read(), tries };
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`  FAILED: ${message}`);
        outcome = { ok: false, error: message, ms: performance.now() - t0, otherCpu: others.read(), tries };
      }
      const noisy = outcome.otherCpu > NOISY_CORES;
      if (noisy) log(`  others used ${outcome.otherCpu.toFixed(2)} cores meanwhile`);
      if (!noisy || !repeatable || outcome.ms > retryBudget || tries >= 2) return outcome;
      retryBudget -= outcome.ms;
    }
  };

  return {
    /** One scenario measured on one target at a time, on those it runs on (options.ts, runsOn). */
    async onEach<T>(name: ScenarioName, run: (target: Target) => Promise<T>): Promise<PerTarget<T> | undefined> {
      if (!only.includes(name)) return undefined;
      const per: PerTarget<T> = {};
      for (const target of targets) {
        if (!runsOn(name, target.name)) continue;
        per[target.name] = await attempt(name, target.name, () => run(target));
      }
      return per;
    },

    /** One scenario measuring every target in alternating blocks (see scenarios/blocks.ts). */
    async onAll<T>(
      name: ScenarioName,
      run: (all: Target[]) => Promise<Partial<Record<TargetName, T>>>,
    ): Promise<PerTarget<T> | undefined> {
      if (!only.includes(name)) return undefined;
      const on = targets.filter((t) => runsOn(name, t.name));
      const outcome = await attempt(name, on.map((t) => t.name).join(', '), () => run(on));
      const per: PerTarget<T> = {};
      for (const target of on) {
        const value = outcome.ok ? outcome.value[target.name] : undefined;
        const { ms, otherCpu, tries } = outcome;
        per[target.name] =
          value !== undefined
            ? { ok: true, value, ms, otherCpu, tries }
            : { ok: false, error: outcome.ok ? 'no result' : outcome.error, ms, otherCpu, tries };
      }
      return per;
    },
  };
}
