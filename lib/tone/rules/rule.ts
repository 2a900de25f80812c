/**
 * The shape of a phrase rule. Each rule is a table row: a pattern that finds candidate phrases,
 * and an optional `accept` check that looks at the surrounding words, because the same words
 * can be hurtful in one sentence and loving in the next ("you never call" vs "I will never stop
 * loving you").
 */
import type { LetterKind, ToneRule } from '../types';

export interface MatchContext {
  /** The checked text with quoted speech blanked out (same offsets as the original). */
  text: string;
  start: number;
  end: number;
  /** The matched phrase, lower-cased with curly apostrophes normalised. */
  phrase: string;
  kind: LetterKind;
}

/** A mechanical rewording: replace text[start, end) of the checked text with `text`. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

export interface PhraseRule {
  rule: ToneRule;
  /**
   * Must have the g flag. When the pattern has a first capture group, that group is the flagged
   * phrase and must run to the end of the match (leading characters are context only).
   */
  pattern: RegExp;
  /** Letter kinds the rule applies to; all kinds when absent. */
  kinds?: readonly LetterKind[];
  accept?: (m: MatchContext) => boolean;
  reason: string;
  suggestion: string | ((m: MatchContext) => string);
  /** A one-tap rewording where it is mechanical; absent (or undefined) means explain only. */
  rewrite?: (m: MatchContext) => Replacement | undefined;
}
