/**
 * Finding the stretch of text a phrase belongs to. Several rules need to know who a sentence is
 * about ("I will never stop loving you" versus "you never call"), and looking at the whole
 * sentence would mix the clauses of "I love you, but you always lie". So rules look at a
 * clause: text between punctuation and, optionally, joining words.
 */
import { tokenize, type Token } from './tokens';

export interface Span {
  start: number;
  end: number;
}

const SENTENCE_CHARS = '.!?\n';
const CLAUSE_CHARS = '.!?\n;:,—–()';

export interface Breaks {
  words: ReadonlySet<string>;
  /** Whether "like" after a verb of feeling starts a clause: "I feel like | you ...". */
  likeAfterFeel: boolean;
}

/** Joining words that start a new subject: used to find who a clause is about. */
export const SUBJECT_BREAKS: Breaks = {
  words: new Set([
    'and',
    'but',
    'because',
    'cause',
    "'cause",
    'when',
    'whenever',
    'while',
    'although',
    'though',
    'if',
    'unless',
    'until',
    'since',
    'or',
    'that',
    'where',
    'yet',
    'whether',
  ]),
  likeAfterFeel: true,
};

/**
 * Contrast words only: used to find the part of a sentence whose tone a warm word sets, so
 * "I love you, but because of you I lost my job" is not excused by the "love" before "but".
 */
export const CONTRAST_BREAKS: Breaks = {
  words: new Set(['but', 'yet', 'however', 'although', 'though', 'and', 'or']),
  likeAfterFeel: false,
};

const FEEL_VERBS: ReadonlySet<string> = new Set(['feel', 'feels', 'felt', 'feeling']);

/**
 * How far a clause or sentence may reach from the phrase, in characters. Real clauses are far
 * shorter; the cap keeps the check linear on a letter typed without punctuation, where every
 * match would otherwise rescan the whole text on every keystroke.
 */
const MAX_REACH = 240;

function scanBack(text: string, from: number, stops: string): number {
  const limit = Math.max(0, from - MAX_REACH);
  let i = from;
  while (i > limit && !stops.includes(text.charAt(i - 1))) i--;
  return i;
}

function scanForward(text: string, from: number, stops: string): number {
  const limit = Math.min(text.length, from + MAX_REACH);
  let i = from;
  while (i < limit && !stops.includes(text.charAt(i))) i++;
  return i;
}

function isBreak(tokens: readonly Token[], i: number, breaks: Breaks): boolean {
  const token = tokens[i];
  if (token === undefined) return false;
  if (breaks.words.has(token.word)) return true;
  const prev = tokens[i - 1];
  return breaks.likeAfterFeel && token.word === 'like' && prev !== undefined && FEEL_VERBS.has(prev.word);
}

/** The sentence around text[start, end). */
export function sentenceAround(text: string, start: number, end: number): Span {
  return { start: scanBack(text, start, SENTENCE_CHARS), end: scanForward(text, end, SENTENCE_CHARS) };
}

/**
 * The clause around text[start, end): bounded by clause punctuation and, when given, by the
 * nearest break words on either side.
 */
export function clauseAround(
  text: string,
  start: number,
  end: number,
  breaks?: Breaks,
  stopChars: string = CLAUSE_CHARS,
): Span {
  let s = scanBack(text, start, stopChars);
  let e = scanForward(text, end, stopChars);
  if (breaks === undefined) return { start: s, end: e };
  const tokens = tokenize(text, s, e);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || !isBreak(tokens, i, breaks)) continue;
    if (token.end <= start) s = token.end;
    else if (token.start >= end) {
      e = token.start;
      break;
    }
  }
  return { start: s, end: e };
}

/** Part of the sentence around a phrase that commas do not cut, only contrast words. */
export function contrastSegment(text: string, start: number, end: number): Span {
  return clauseAround(text, start, end, CONTRAST_BREAKS, SENTENCE_CHARS + ';');
}

/** Tokens before a phrase in its sentence, nearest first. */
export function tokensBefore(text: string, start: number, limit: number): Token[] {
  const from = Math.max(scanBack(text, start, SENTENCE_CHARS), start - 120);
  return tokenize(text, from, start).slice(-limit).reverse();
}

/** Tokens after a phrase in its sentence, nearest first. */
export function tokensAfter(text: string, end: number, limit: number): Token[] {
  const to = Math.min(scanForward(text, end, SENTENCE_CHARS), end + 120);
  return tokenize(text, end, to).slice(0, limit);
}

/**
 * The word right after a phrase, when nothing but spaces separates them: "a drunk, Sam" has no
 * next word, because the comma ends the noun phrase ("Sam" is not what "drunk" describes).
 */
export function nextWordInClause(text: string, end: number): Token | undefined {
  const next = tokensAfter(text, end, 1)[0];
  if (next === undefined) return undefined;
  return /^\s*$/u.test(text.slice(end, next.start)) ? next : undefined;
}
