import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ReviewStatus } from '../../lib/records';
import { reviewRefusal, submitRefusal } from './review-rules';

describe('submitRefusal', () => {
  test('a letter with words may be submitted', () => assert.equal(submitRefusal('Sam, I love you.'), null));
  for (const blank of ['', ' ', '\n\n', '\t \n']) {
    test(`a blank letter (${JSON.stringify(blank)}) may not`, () =>
      assert.match(submitRefusal(blank) ?? '', /nothing/));
  }
});

describe('reviewRefusal: only a current submission with text is reviewed', () => {
  const cases: [string, ReviewStatus | null, string, RegExp | null][] = [
    ['a submitted letter with text', 'submitted', 'Sam, I love you.', null],
    ['never submitted', null, 'Sam, I love you.', /not been submitted/],
    ['never submitted and blank', null, '', /not been submitted/],
    ['changes asked for, not submitted again', 'changes-requested', 'Sam, I love you.', /submits it again/],
    ['approved, not submitted again', 'approved', 'Sam, I love you.', /already approved/],
    ['submitted, then emptied', 'submitted', '\n', /empty/],
  ];
  for (const [name, status, text, expected] of cases) {
    test(name, () => {
      const refusal = reviewRefusal(status, text);
      if (expected === null) assert.equal(refusal, null);
      else assert.match(refusal ?? '', expected);
    });
  }
});
