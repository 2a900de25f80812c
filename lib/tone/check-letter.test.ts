/**
 * Table-driven tests for the phrase rules: each row is a sentence, the letter kind, and the
 * exact rules expected in order of position. Empty means the sentence must NOT be flagged;
 * those rows matter as much as the others, because a checker that nags wrongly stops being
 * trusted.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REGRESSION_ROWS as ROWS } from './evaluation/regression-rows';
import { checkLetter } from './index';

describe('checkLetter phrase rules (table)', () => {
  it('has at least 60 rows', () => {
    assert.ok(ROWS.length >= 60, `only ${ROWS.length} rows`);
  });
  for (const [sentence, kind, expected] of ROWS) {
    it(`${kind}: ${sentence}`, () => {
      const flags = checkLetter(sentence, kind).flags;
      assert.deepEqual(
        flags.map((f) => f.rule),
        expected,
        `flags: ${JSON.stringify(flags.map((f) => [f.rule, f.phrase]))}`,
      );
    });
  }
});
