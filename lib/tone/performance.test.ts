/**
 * checkLetter runs on every keystroke in the browser, so a 1,000-word letter (three times the
 * impact letter's limit) must check well under 5 ms. The bound is on the median of many runs,
 * about ten times today's figure: a regression that makes every check slower fails it, while a
 * garbage-collection pause or a busy shared machine, which slow single runs, do not (the first
 * and slowest runs are printed, not asserted; see evaluation/keystroke-timing.ts).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkLetter } from './index';
import { describeTiming, timeKeystrokes } from './evaluation/keystroke-timing';
import { letterOfWords } from '../../test/helpers/tone-letters';

const MEDIAN_BOUND_MS = 5;

it(`checks a 1,000-word letter in a median under ${MEDIAN_BOUND_MS} ms`, (t) => {
  const letter = letterOfWords(1000);
  // Timed before anything else checks a letter, so its first run is this process's cold one.
  const timing = timeKeystrokes(letter, { runs: 300, warmUp: 20, kinds: ['impact', 'bottom-line'] });
  t.diagnostic(describeTiming('1,000 words', timing));
  const report = checkLetter(letter, 'impact');
  assert.equal(report.wordCount, 1000);
  assert.ok(report.flags.length > 20, 'the letter exercises the rules');
  assert.ok(timing.medianMs < MEDIAN_BOUND_MS, describeTiming('1,000 words', timing));
});
