/**
 * Runs the phrase rules over a letter. Rules see the text with quoted speech blanked out (see
 * text/quotes.ts), so recalled words are never judged, while offsets and phrases come from the
 * original text. A rule's rewrite (a one-tap rewording) gets the same treatment: offsets into
 * the original, with the text it replaces, and the case of its first letter kept.
 */
import { matchCase } from './text/rewrite';
import { normaliseWord } from './text/tokens';
import type { PhraseRule, Replacement } from './rules/rule';
import type { LetterKind, ToneFlag, ToneRewrite } from './types';

function flagSpan(m: RegExpMatchArray): { start: number; end: number } {
  const end = (m.index ?? 0) + m[0].length;
  const group = m[1];
  return { start: group === undefined ? (m.index ?? 0) : end - group.length, end };
}

function toRewrite(original: string, r: Replacement): ToneRewrite {
  const replaces = original.slice(r.start, r.end);
  return { start: r.start, end: r.end, replaces, text: matchCase(replaces, r.text) };
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
      const replacement = rule.rewrite?.(context);
      const flag: ToneFlag = { id, rule: rule.rule, start, end, phrase, reason: rule.reason, suggestion };
      if (replacement !== undefined) flag.rewrite = toRewrite(original, replacement);
      flags.push(flag);
    }
  }
  return flags.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}
