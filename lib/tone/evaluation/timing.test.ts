/**
 * Time for one check of a 300-word letter (the impact letter's limit), as when typing. The
 * bound is on the median of 1,000 runs, about ten times today's figure (docs/tone.md, "Speed"):
 * it fails when every check gets slower, not when a pause or a busy machine slows a few runs.
 * The 99th percentile, the slowest and the first run are printed so they stay visible.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkLetter } from '../index';
import { letterOfWords } from '../../../test/helpers/tone-letters';
import { describeTiming, timeKeystrokes } from './keystroke-timing';
import { UPSET_DRAFT } from './letters';

const MEDIAN_BOUND_MS = 2;

for (const [name, letter] of [
  ['a realistic 300-word draft', UPSET_DRAFT],
  ['300 words of the sample sentences', letterOfWords(300)],
] as const) {
  it(`checks ${name} in a median under ${MEDIAN_BOUND_MS} ms`, (t) => {
    assert.equal(checkLetter(letter, 'impact').wordCount, 300);
    const timing = timeKeystrokes(letter, { runs: 1000, warmUp: 50 });
    t.diagnostic(describeTiming(name, timing));
    assert.ok(timing.medianMs < MEDIAN_BOUND_MS, describeTiming(name, timing));
  });
}
