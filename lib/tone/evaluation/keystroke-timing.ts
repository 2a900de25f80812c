/**
 * Times checkLetter as typing does: many runs of one letter, each with a different last
 * character so nothing can be cached, after a warm-up that is not counted. The timing tests
 * assert on the median, which a garbage-collection pause or a few runs descheduled on a busy
 * machine cannot move; the first run, the 99th percentile and the slowest run are only
 * reported, because a single run measures the machine as much as the code.
 */
import { checkLetter } from '../check-letter';
import type { LetterKind } from '../types';

export interface KeystrokeTiming {
  /** The first of these checks: in a fresh process it also compiles the word lists. */
  firstMs: number;
  medianMs: number;
  p99Ms: number;
  worstMs: number;
  runs: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.POSITIVE_INFINITY;
}

function timeOne(text: string, kind: LetterKind): number {
  const t0 = performance.now();
  checkLetter(text, kind);
  return performance.now() - t0;
}

export function timeKeystrokes(
  letter: string,
  options: { runs: number; warmUp: number; kinds?: readonly LetterKind[] },
): KeystrokeTiming {
  const kinds = options.kinds ?? ['impact'];
  const textOf = (i: number) => `${letter}${String.fromCharCode(97 + (i % 26))}`;
  const kindOf = (i: number): LetterKind => kinds[i % kinds.length] ?? 'impact';
  const firstMs = timeOne(textOf(0), kindOf(0));
  for (let i = 1; i <= options.warmUp; i++) timeOne(textOf(i), kindOf(i));
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) times.push(timeOne(textOf(i), kindOf(i)));
  times.sort((a, b) => a - b);
  return {
    firstMs,
    medianMs: quantile(times, 0.5),
    p99Ms: quantile(times, 0.99),
    worstMs: times[times.length - 1] ?? Number.POSITIVE_INFINITY,
    runs: options.runs,
  };
}

export function describeTiming(name: string, timing: KeystrokeTiming): string {
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  return (
    `checkLetter, ${name}: median ${ms(timing.medianMs)}, p99 ${ms(timing.p99Ms)}, ` +
    `slowest ${ms(timing.worstMs)}, first run ${ms(timing.firstMs)} (${timing.runs} runs)`
  );
}
