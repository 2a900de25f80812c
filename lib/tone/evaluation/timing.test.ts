/**
 * Time for one check of a 300-word letter (the impact letter's limit), as when typing: median
 * and 99th percentile over many runs, each with a different last character so nothing can be
 * cached. Bounds are loose so a busy shared machine does not fail; the numbers are printed so
 * regressions are visible (docs/tone.md records them).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkLetter } from '../index';
import { letterOfWords } from '../../../test/helpers/tone-letters';
import { UPSET_DRAFT } from './letters';

const RUNS = 1000;
const WARM_UP = 50;

function measure(letter: string): { median: number; p99: number } {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const text = `${letter}${String.fromCharCode(97 + (i % 26))}`;
    const t0 = performance.now();
    checkLetter(text, 'impact');
    const ms = performance.now() - t0;
    if (i >= WARM_UP) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(RUNS / 2)] ?? Number.POSITIVE_INFINITY,
    p99: times[Math.floor(RUNS * 0.99)] ?? Number.POSITIVE_INFINITY,
  };
}

for (const [name, letter] of [
  ['a realistic 300-word draft', UPSET_DRAFT],
  ['300 words of the sample sentences', letterOfWords(300)],
] as const) {
  it(`checks ${name} in well under a keystroke`, (t) => {
    assert.equal(checkLetter(letter, 'impact').wordCount, 300);
    const { median, p99 } = measure(letter);
    t.diagnostic(`checkLetter, ${name}: median ${median.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (${RUNS} runs)`);
    assert.ok(median < 10, `median ${median.toFixed(2)} ms`);
    assert.ok(p99 < 50, `p99 ${p99.toFixed(2)} ms`);
  });
}
