/**
 * checkLetter runs on every keystroke in the browser, so a 1,000-word letter must check well
 * under 5 ms. The assertion is loose (50 ms) so noisy CI machines do not fail; the measured
 * time is printed so regressions are visible.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkLetter } from './index';
import { letterOfWords } from '../../test/helpers/tone-letters';

it('checks a 1,000-word letter in under 50 ms', () => {
  const letter = letterOfWords(1000);
  const cold = performance.now();
  const report = checkLetter(letter, 'impact');
  const coldMs = performance.now() - cold;
  assert.equal(report.wordCount, 1000);
  assert.ok(report.flags.length > 20, 'the letter exercises the rules');

  const runs = 50;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A different last character each run, as when typing, so nothing can be cached.
    const text = `${letter}${String.fromCharCode(97 + (i % 26))}`;
    const t0 = performance.now();
    checkLetter(text, i % 2 === 0 ? 'impact' : 'bottom-line');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)] ?? Number.POSITIVE_INFINITY;
  const worst = times[runs - 1] ?? Number.POSITIVE_INFINITY;
  console.log(
    `checkLetter, 1,000 words: first run ${coldMs.toFixed(2)} ms, median ${median.toFixed(2)} ms, worst ${worst.toFixed(2)} ms (${runs} runs)`,
  );
  assert.ok(coldMs < 50, `first run took ${coldMs.toFixed(2)} ms`);
  assert.ok(worst < 50, `slowest run took ${worst.toFixed(2)} ms`);
});
