/**
 * Helpers for one-tap rewrites. Replacements are written in lower case; the first letter takes
 * the case of the words they replace, so "An addict" at the start of a sentence becomes "A
 * person with an addiction" (and "I" stays "I" either way).
 */
import type { ToneRewrite } from '../types';

export function matchCase(replaced: string, text: string): string {
  const first = replaced.charAt(0);
  if (first !== first.toUpperCase() || first === first.toLowerCase()) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The letter with one rewrite accepted, or the letter unchanged if it moved under it. */
export function applyRewrite(text: string, rewrite: ToneRewrite): string {
  if (text.slice(rewrite.start, rewrite.end) !== rewrite.replaces) return text;
  return text.slice(0, rewrite.start) + rewrite.text + text.slice(rewrite.end);
}
