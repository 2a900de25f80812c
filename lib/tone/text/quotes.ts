/**
 * Quoted speech is someone's words being recalled (you said "I'll never drink again"), not the
 * writer's own voice, so no rule should judge it. Rather than teach every rule about quotes, the
 * checker blanks quoted spans out with spaces: rules then simply do not see them, and because
 * the masked text has the same length, every offset still points into the original text.
 *
 * Decisions:
 * - Double quotes (straight " and curly “ ” „, and « ») always delimit speech. An unclosed
 *   double quote runs to the end of its paragraph: while someone is typing `you said "I'll
 *   never`, the quote is simply not closed yet, and flagging it for one keystroke would nag.
 * - Single quotes double as apostrophes, so they count only when they clearly open (after a
 *   space or bracket, before a letter, not an elision like 'em or 'til) and clearly close
 *   (after a non-space, before a non-letter) within the same paragraph. Otherwise they are
 *   left alone: a missed quote is better than hiding half a paragraph from the checker.
 */

const DOUBLE_CLOSERS: ReadonlyMap<string, string> = new Map([
  ['"', '"”'],
  ['“', '”"'],
  ['”', '”"'],
  ['„', '“”"'],
  ['«', '»'],
]);

const SINGLE_OPENERS = "'‘";
const SINGLE_CLOSERS = "'’";
const OPEN_CONTEXT = /[\s([{—–-]/u;
const LETTER = /[\p{L}\p{N}]/u;
const ELISIONS: ReadonlySet<string> = new Set([
  'em',
  'til',
  'cause',
  'bout',
  'round',
  'tis',
  'twas',
  'n',
  'cos',
  'coz',
  'kay',
  'nother',
]);
const ANY_QUOTE = /["“”„«'‘]/;

export type Range = readonly [start: number, end: number];

function paragraphEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
}

function findDoubleCloser(text: string, from: number, closers: string): number {
  const limit = paragraphEnd(text, from);
  for (let i = from; i < limit; i++) {
    if (closers.includes(text.charAt(i))) return i;
  }
  return -1;
}

function opensSingle(text: string, i: number): boolean {
  const prev = i === 0 ? ' ' : text.charAt(i - 1);
  const next = text.charAt(i + 1);
  if (!(OPEN_CONTEXT.test(prev) || DOUBLE_CLOSERS.has(prev)) || !LETTER.test(next)) return false;
  const word = /^[\p{L}]+/u.exec(text.slice(i + 1, i + 12));
  return word === null || !ELISIONS.has(word[0].toLowerCase());
}

function findSingleCloser(text: string, from: number): number {
  const limit = paragraphEnd(text, from);
  for (let i = from; i < limit; i++) {
    if (!SINGLE_CLOSERS.includes(text.charAt(i))) continue;
    const prev = text.charAt(i - 1);
    const next = i + 1 < text.length ? text.charAt(i + 1) : ' ';
    if (!/\s/u.test(prev) && !LETTER.test(next)) return i;
  }
  return -1;
}

/** Spans of quoted speech, quote marks included, in text order. */
export function quotedRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    const closers = DOUBLE_CLOSERS.get(ch);
    if (closers !== undefined) {
      const close = findDoubleCloser(text, i + 1, closers);
      const end = close === -1 ? paragraphEnd(text, i) : close + 1;
      ranges.push([i, end]);
      i = end;
      continue;
    }
    if (SINGLE_OPENERS.includes(ch) && opensSingle(text, i)) {
      const close = findSingleCloser(text, i + 1);
      if (close !== -1) {
        ranges.push([i, close + 1]);
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return ranges;
}

/** The text with quoted speech replaced by spaces (same length, same offsets). */
export function maskQuotedSpeech(text: string): string {
  if (!ANY_QUOTE.test(text)) return text;
  const ranges = quotedRanges(text);
  if (ranges.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [start, end] of ranges) {
    out += text.slice(last, start) + ' '.repeat(end - start);
    last = end;
  }
  return out + text.slice(last);
}
