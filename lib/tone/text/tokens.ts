/**
 * Word tokens with offsets. Contractions stay one token ("you're", "I'll") because the rules
 * reason about who the subject is, and "you're" is a subject where "re" alone means nothing.
 * Curly apostrophes are normalised so "you’re" and "you're" compare equal.
 */

export interface Token {
  /** Lower-cased, with ’ replaced by '. */
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

/** Tokens of text[from, to), offsets relative to the whole text. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  // One shared regex: tokenize is synchronous and calls nothing else, so resetting lastIndex is
  // safe, and it saves compiling a regex for each of the many small windows rules look at.
  const re = WORD;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    tokens.push({ word: normaliseWord(m[0]), start: m.index, end });
  }
  return tokens;
}

/** Counts words as they would be read aloud; "substance-use" is two spoken words. */
export function countWords(text: string): number {
  const re = new RegExp(WORD.source, WORD.flags);
  let count = 0;
  while (re.exec(text) !== null) count++;
  return count;
}

/** Offset just after the n-th word, or the text length when there are fewer words. */
export function offsetAfterWords(text: string, n: number): number {
  const re = new RegExp(WORD.source, WORD.flags);
  let count = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    count++;
    if (count === n) return m.index + m[0].length;
  }
  return text.length;
}
