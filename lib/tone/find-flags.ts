/**
 * Runs the phrase rules over a letter. Rules see the text with quoted speech blanked out (see
 * text/quotes.ts), so recalled words are never judged, while offsets and phrases come from the
 * original text.
 */
import { normaliseWord } from './text/tokens';
import type { PhraseRule } from './rules/rule';
import type { LetterKind, ToneFlag } from './types';

function flagSpan(m: RegExpMatchArray): { start: number; end: number } {
  const end = (m.index ?? 0) + m[0].length;
  const group = m[1];
  return { start: group === undefined ? (m.index ?? 0) : end - group.length, end };
}

export function findFlags(
  original: string,
  masked: string,
  kind: LetterKind,
  rules: readonly PhraseRule[],
): ToneFlag[] {
  const flags: ToneFlag[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (rule.kinds !== undefined && !rule.kinds.includes(kind)) continue;
    for (const m of masked.matchAll(rule.pattern)) {
      const { start, end } = flagSpan(m);
      const phrase = original.slice(start, end);
      const context = { text: masked, start, end, phrase: normaliseWord(phrase), kind };
      if (rule.accept !== undefined && !rule.accept(context)) continue;
      const id = `${rule.rule}:${start}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const suggestion = typeof rule.suggestion === 'string' ? rule.suggestion : rule.suggestion(context);
      flags.push({ id, rule: rule.rule, start, end, phrase, reason: rule.reason, suggestion });
    }
  }
  return flags.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}
