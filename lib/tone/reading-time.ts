/**
 * Word count and reading time. A letter is read aloud at about 150 words per minute, and the
 * guide asks for about two minutes, so an impact letter should stay near 300 words.
 */
import { countWords } from './text/tokens';

export const WORDS_PER_MINUTE = 150;

export function readingSeconds(wordCount: number): number {
  return Math.round((wordCount * 60) / WORDS_PER_MINUTE);
}

export { countWords };
