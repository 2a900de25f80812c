/** Missing elements per letter kind, word count and reading time. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkLetter, type LetterElement, type LetterKind } from './index';
import {
  BARE_BOTTOM_LINE_LETTER,
  BARE_IMPACT_LETTER,
  GOOD_BOTTOM_LINE_LETTER,
  GOOD_IMPACT_LETTER,
  letterOfWords,
} from '../../test/helpers/tone-letters';

const missing = (text: string, kind: LetterKind): LetterElement[] =>
  checkLetter(text, kind).missing.map((m) => m.element);

describe('missing elements: impact letter', () => {
  it('a good letter has nothing missing and no flags', () => {
    const report = checkLetter(GOOD_IMPACT_LETTER, 'impact');
    assert.deepEqual(report.missing, []);
    assert.deepEqual(report.flags, []);
  });

  it('a short bare letter misses love, an incident, a feeling and the request', () => {
    assert.deepEqual(missing(BARE_IMPACT_LETTER, 'impact'), [
      'loving-opening',
      'specific-incident',
      'feeling-word',
      'clear-request',
    ]);
  });

  it('an empty letter misses everything but length', () => {
    assert.deepEqual(missing('', 'impact'), ['loving-opening', 'specific-incident', 'feeling-word', 'clear-request']);
  });

  it('every missing element comes with advice', () => {
    for (const m of checkLetter(BARE_IMPACT_LETTER, 'impact').missing) assert.ok(m.advice.length > 20, m.element);
  });

  it('love must be in the opening, not only at the end', () => {
    const late = `${letterOfWords(80)
      .replace(/\blove\w*\b/gi, 'hello')
      .replace(/proud|wonderful|miss/gi, 'x')} I love you.`;
    assert.ok(missing(late, 'impact').includes('loving-opening'));
    assert.ok(!missing(`I love you. ${late}`, 'impact').includes('loving-opening'));
  });

  it('a quoted "I love you" is not the writer’s love', () => {
    assert.ok(missing('You said "I love you" and left.', 'impact').includes('loving-opening'));
  });

  it('asking for help without "today" is not yet a clear request', () => {
    const base = 'I love you. Last Christmas I was scared.';
    assert.deepEqual(missing(`${base} Please get help.`, 'impact'), ['clear-request']);
    assert.deepEqual(missing(`${base} Please get help today.`, 'impact'), []);
    assert.deepEqual(missing(`${base} Will you go to treatment tonight?`, 'impact'), []);
  });

  it('recognises several kinds of specific moment', () => {
    const love = 'I love you and I am worried. Will you accept help today?';
    for (const moment of [
      'On March 3rd you fell.',
      'The night you crashed the car, I waited.',
      'At Emma’s wedding you fell over.',
      'Two weeks ago you missed the game.',
      'On 6/14 you did not come home.',
      'At 3 a.m. you called me.',
      'Last Thanksgiving you left early.',
    ]) {
      assert.deepEqual(missing(`${love} ${moment}`, 'impact'), [], moment);
    }
  });

  it('does not mistake "may" or "this week" wording for a date', () => {
    const text = 'I love you and I am worried. This may be hard to hear. Will you accept help today?';
    assert.deepEqual(missing(text, 'impact'), ['specific-incident']);
  });

  it('flags length over 300 words only', () => {
    assert.ok(!missing(letterOfWords(300), 'impact').includes('length'));
    assert.ok(missing(letterOfWords(301), 'impact').includes('length'));
  });
});

describe('missing elements: bottom-line letter', () => {
  it('a good bottom-line letter has nothing missing', () => {
    assert.deepEqual(missing(GOOD_BOTTOM_LINE_LETTER, 'bottom-line'), []);
  });

  it('does not expect an incident or a feeling word', () => {
    const kinds = missing('I love you. I will no longer pay your rent.', 'bottom-line');
    assert.deepEqual(kinds, []);
  });

  it('love may come anywhere, not only first', () => {
    assert.deepEqual(missing('I will no longer pay your rent, because I love you.', 'bottom-line'), []);
  });

  it('an order instead of an own action misses love and the statement', () => {
    assert.deepEqual(missing(BARE_BOTTOM_LINE_LETTER, 'bottom-line'), ['loving-opening', 'clear-request']);
  });

  it('is kept shorter than an impact letter: 150 words', () => {
    assert.ok(!missing(letterOfWords(150), 'bottom-line').includes('length'));
    assert.ok(missing(letterOfWords(151), 'bottom-line').includes('length'));
  });
});

describe('word count and reading time', () => {
  const cases: ReadonlyArray<readonly [string, number, number]> = [
    ['', 0, 0],
    ['I love you, Sam.', 4, 2],
    ["You're my brother and I'll be there.", 7, 3],
    ['A person with a substance-use disorder.', 7, 3],
    ['On 3/14 at 3 a.m. you called — “help”.', 10, 4],
  ];
  for (const [text, words, seconds] of cases) {
    it(`${JSON.stringify(text)} has ${words} words, ${seconds} s`, () => {
      const report = checkLetter(text, 'impact');
      assert.equal(report.wordCount, words);
      assert.equal(report.readingSeconds, seconds);
    });
  }

  it('reads 300 words in two minutes and 150 words in one', () => {
    assert.equal(checkLetter(letterOfWords(300), 'impact').readingSeconds, 120);
    assert.equal(checkLetter(letterOfWords(150), 'bottom-line').readingSeconds, 60);
    assert.equal(checkLetter(letterOfWords(300), 'impact').wordCount, 300);
  });

  it('counts the good sample letter', () => {
    const report = checkLetter(GOOD_IMPACT_LETTER, 'impact');
    assert.equal(report.wordCount, 118);
    assert.equal(report.readingSeconds, 47);
  });
});
