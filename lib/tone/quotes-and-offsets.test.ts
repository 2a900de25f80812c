/** Quoted speech masking, offsets that slice back to the phrase, and stable flag ids. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkLetter } from './index';
import { maskQuotedSpeech, quotedRanges } from './text/quotes';

describe('quoted speech', () => {
  it('masks straight and curly double quotes, keeping the length', () => {
    const text = 'You said "never again" and “I’m fine”.';
    const masked = maskQuotedSpeech(text);
    assert.equal(masked.length, text.length);
    assert.equal(masked, 'You said ' + ' '.repeat(13) + ' and ' + ' '.repeat(10) + '.');
  });

  it('treats apostrophes as apostrophes, not quotes', () => {
    assert.deepEqual(quotedRanges("I'll love 'em, and the kids' toys are Sam's."), []);
  });

  it('masks single-quoted speech only when it clearly opens and closes', () => {
    const text = "You said 'I'll stop' and left.";
    assert.deepEqual(quotedRanges(text), [[9, 20]]);
  });

  it('runs an unclosed double quote to the end of its paragraph only', () => {
    const text = 'You said "I\'ll never drink\nYou never call.';
    assert.deepEqual(quotedRanges(text), [[9, 26]]);
    const flags = checkLetter(text, 'impact').flags;
    assert.deepEqual(
      flags.map((f) => [f.rule, f.phrase]),
      [['generalisation', 'never']],
    );
    assert.equal(flags[0]?.start, text.lastIndexOf('never'));
  });

  it('flags the writer’s own words right after a quote', () => {
    const text = 'You said "I am fine." You are an addict.';
    assert.deepEqual(
      checkLetter(text, 'impact').flags.map((f) => f.phrase),
      ['addict'],
    );
  });
});

const LETTER = [
  'Sam, I love you.',
  'Later, Renée told me that you always hide bottles in the garage.',
  'You said "I am not an alcoholic" but you were drunk at the wedding, and you’re a drunk.',
  'Because of you, I feel like you do not care. If you don’t go today, it’s your last chance.',
  'We all think you are a junkie and your test came back dirty.',
].join('\n');

describe('offsets', () => {
  const flags = checkLetter(LETTER, 'impact').flags;

  it('slice back to the phrase for every flag', () => {
    assert.ok(flags.length >= 10, `only ${flags.length} flags`);
    for (const f of flags) assert.equal(LETTER.slice(f.start, f.end), f.phrase, f.id);
  });

  it('point at the right words, in order', () => {
    assert.deepEqual(
      flags.map((f) => [f.rule, f.phrase]),
      [
        ['hearsay', 'Renée told me'],
        ['generalisation', 'always'],
        ['label', 'drunk'],
        ['blame', 'Because of you'],
        ['disguised-you', 'I feel like you'],
        ['threat', 'If you don’t'],
        ['threat', 'last chance'],
        ['group-voice', 'We all'],
        ['label', 'junkie'],
        ['label', 'dirty'],
      ],
    );
    assert.equal(flags[2]?.start, LETTER.lastIndexOf('drunk'));
  });

  it('every flag has a reason and a suggestion', () => {
    for (const f of flags) {
      assert.ok(f.reason.length > 10 && f.reason.length < 140, f.reason);
      assert.ok(f.suggestion.length > 10, f.suggestion);
    }
  });
});

describe('stable ids', () => {
  it('are rule plus offset, and unique', () => {
    const flags = checkLetter(LETTER, 'impact').flags;
    for (const f of flags) assert.equal(f.id, `${f.rule}:${f.start}`);
    assert.equal(new Set(flags.map((f) => f.id)).size, flags.length);
  });

  it('do not change when the same text is checked again', () => {
    const ids = (text: string): string[] => checkLetter(text, 'impact').flags.map((f) => f.id);
    assert.deepEqual(ids(LETTER), ids(LETTER));
  });

  it('do not change when the writer types after the flag', () => {
    const before = checkLetter(LETTER, 'impact').flags.map((f) => f.id);
    const after = checkLetter(LETTER + '\nI miss you.', 'impact').flags.map((f) => f.id);
    assert.deepEqual(after, before);
  });

  it('differ for different rules at the same spot', () => {
    const flags = checkLetter('You always make me cover for you.', 'impact').flags;
    assert.deepEqual(
      flags.map((f) => f.id),
      ['blame:0', 'generalisation:4'],
    );
  });
});

describe('suggestions fit the phrase', () => {
  const suggestion = (text: string): string | undefined => checkLetter(text, 'impact').flags[0]?.suggestion;

  it('offers person-first words for labels', () => {
    assert.match(suggestion('You are an addict.') ?? '', /person with a substance-use disorder/);
    assert.match(suggestion('You are an alcoholic.') ?? '', /alcohol-use disorder/);
    assert.match(suggestion('You were clean for a year.') ?? '', /in recovery/);
    assert.match(suggestion('The dirty test scared me.') ?? '', /tested positive/);
    assert.match(suggestion('You were dirty again.') ?? '', /using/);
  });
});
