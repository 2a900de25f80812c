/**
 * One-tap rewrites (issue 16, item 2): where the rewording is mechanical the flag carries a
 * replacement; elsewhere only the explanation. Each row: the sentence and the sentence after
 * accepting the rewrite of its first flag (undefined: that flag has no rewrite).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyRewrite, checkLetter, type ToneRule } from './index';
import { HELD_OUT_ROWS } from './evaluation/held-out';
import { REGRESSION_ROWS } from './evaluation/regression-rows';
import { NEW_ROWS } from './evaluation/sentences';

const ROWS: ReadonlyArray<readonly [sentence: string, rewritten: string | undefined]> = [
  // Labels to person-first words, the article included.
  ['You are an addict.', 'You are a person with an addiction.'],
  ['An addict lives in this house.', 'A person with an addiction lives in this house.'],
  ["You're a drug addict, Sam.", "You're a person with a drug addiction, Sam."],
  ["You're an alcoholic, and it's killing you.", "You're a person with an alcohol-use disorder, and it's killing you."],
  ['Living with a junkie is not living.', 'Living with a person who uses drugs is not living.'],
  ['You have become a drug abuser.', 'You have become a person with a substance-use disorder.'],
  ["You're a drunk.", "You're a person with an alcohol-use disorder."],
  ['I am tired of living with addicts.', 'I am tired of living with people with addictions.'],
  ["You're a mean drunk and a liar.", undefined],
  ['You junkie, you promised.', undefined],
  ["You're such an addict.", undefined],
  // Clean and dirty.
  ['You were clean for six months.', 'You were in recovery for six months.'],
  ['I want you to get clean.', 'I want you to get into recovery.'],
  ['Your last test came back dirty.', 'Your last test came back positive.'],
  ['The dirty test scared me.', 'The positive test scared me.'],
  ['I was so proud when you were clean and sober.', 'I was so proud when you were sober.'],
  ['You were dirty again.', 'You were using again.'],
  // "You made me feel" to "I felt".
  ['You made me feel invisible at my own wedding.', 'I felt invisible at my own wedding.'],
  ['You make me feel worthless.', 'I feel worthless.'],
  ["You've made me feel small.", "I've felt small."],
  ["You're making me feel crazy.", "I'm feeling crazy."],
  ['You made me lie to your boss.', undefined],
  // Group voice to the writer's own voice.
  ['We all think you need help.', 'I think you need help.'],
  ["We're all worried that you'll crash the car.", "I'm worried that you'll crash the car."],
  ['Everyone knows you drink at work.', 'I know you drink at work.'],
  ['The whole family has noticed.', 'I have noticed.'],
  ['Everyone at the party saw you fall.', undefined],
  ['Everyone says you never stop.', undefined],
  // Explanation only.
  ['You never come home on time.', undefined],
  ['Your aunt says you called her at two in the morning.', undefined],
  ["If you leave this room, don't call me.", undefined],
  ["You're a coward.", undefined],
  ["I feel like you don't care about us anymore.", undefined],
];

describe('one-tap rewrites', () => {
  for (const [sentence, rewritten] of ROWS) {
    it(`${sentence} -> ${rewritten ?? '(explanation only)'}`, () => {
      const flag = checkLetter(sentence, 'impact').flags[0];
      assert.ok(flag !== undefined, 'the sentence is flagged');
      if (rewritten === undefined) {
        assert.equal(flag.rewrite, undefined);
        return;
      }
      assert.ok(flag.rewrite !== undefined, 'has a rewrite');
      assert.equal(applyRewrite(sentence, flag.rewrite), rewritten);
    });
  }

  it('does nothing when the letter has changed under the rewrite', () => {
    const text = 'You are an addict.';
    const rewrite = checkLetter(text, 'impact').flags[0]?.rewrite;
    assert.ok(rewrite !== undefined);
    assert.equal(applyRewrite('Sam, you are an addict.', rewrite), 'Sam, you are an addict.');
  });
});

describe('rewrites on the whole evaluation table', () => {
  const texts = [...REGRESSION_ROWS.map(([text, kind]) => ({ text, kind })), ...NEW_ROWS, ...HELD_OUT_ROWS];
  const EXPLAIN_ONLY: ReadonlySet<ToneRule> = new Set([
    'generalisation',
    'disguised-you',
    'hearsay',
    'threat',
    'name-calling',
  ]);

  it('slice back to what they replace, and cover the flagged phrase', () => {
    for (const { text, kind } of texts) {
      for (const f of checkLetter(text, kind).flags) {
        if (f.rewrite === undefined) continue;
        assert.equal(text.slice(f.rewrite.start, f.rewrite.end), f.rewrite.replaces, text);
        assert.ok(f.rewrite.start <= f.start && f.rewrite.end >= f.end, `${text}: ${JSON.stringify(f.rewrite)}`);
      }
    }
  });

  it('remove the flag they were offered for', () => {
    for (const { text, kind } of texts) {
      for (const f of checkLetter(text, kind).flags) {
        const rewrite = f.rewrite;
        if (rewrite === undefined) continue;
        const after = applyRewrite(text, rewrite);
        const end = rewrite.start + rewrite.text.length;
        const still = checkLetter(after, kind).flags.filter(
          (g) => g.rule === f.rule && g.start < end && g.end > rewrite.start,
        );
        assert.deepEqual(still, [], `${text} -> ${after}`);
      }
    }
  });

  it('are offered only where the rewording is mechanical', () => {
    for (const { text, kind } of texts) {
      for (const f of checkLetter(text, kind).flags) {
        if (EXPLAIN_ONLY.has(f.rule)) assert.equal(f.rewrite, undefined, `${f.rule}: ${text}`);
      }
    }
  });
});
