/**
 * The tone check for a letter, meant to run on every keystroke: one pass per rule over the
 * text, no allocation beyond the results, no Node-only APIs.
 */
import { findMissingElements } from './elements/missing-elements';
import { findFlags } from './find-flags';
import { countWords, readingSeconds } from './reading-time';
import { ALL_RULES } from './rules/all-rules';
import { maskQuotedSpeech } from './text/quotes';
import type { LetterKind, ToneReport } from './types';

export function checkLetter(text: string, kind: LetterKind): ToneReport {
  const masked = maskQuotedSpeech(text);
  const wordCount = countWords(text);
  return {
    flags: findFlags(text, masked, kind, ALL_RULES),
    missing: findMissingElements(masked, kind, wordCount),
    wordCount,
    readingSeconds: readingSeconds(wordCount),
  };
}
