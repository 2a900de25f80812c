/**
 * Blame: "you made me", "you make me", "because of you", "your fault".
 *
 * Blame makes people defend themselves instead of listening. But the same openings often carry
 * gratitude ("you made me so proud", "I smile because of you", "it's not your fault"), which is
 * exactly what a loving letter needs, so:
 * - "you made/make me" is not flagged when a good outcome follows within four words;
 * - "because of you" is not flagged when its part of the sentence (cut at "but", "and") is warm
 *   or names a good outcome;
 * - "your fault" is not flagged when negated ("it's not your fault", "none of this is").
 */
import { contrastSegment, tokensAfter, tokensBefore } from '../text/clause';
import { tokenize } from '../text/tokens';
import { isNegator } from '../lexicon/pronouns';
import { isWarm, POSITIVE_OUTCOMES } from '../lexicon/warmth';
import type { MatchContext, PhraseRule } from './rule';

const REASON = 'Blame tends to make people defend themselves, and then they stop listening.';
const SUGGESTION = 'Say what happened and how it affected you: “When you …, I felt …”.';

function madeMeIsBlame(m: MatchContext): boolean {
  return !tokensAfter(m.text, m.end, 4).some((t) => POSITIVE_OUTCOMES.has(t.word));
}

function becauseOfYouIsBlame(m: MatchContext): boolean {
  const segment = contrastSegment(m.text, m.start, m.end);
  const words = m.text.slice(segment.start, segment.end);
  if (isWarm(words)) return false;
  return !tokenize(m.text, segment.start, segment.end).some((t) => POSITIVE_OUTCOMES.has(t.word));
}

const NO_ONE: ReadonlySet<string> = new Set(['none', 'nobody', 'nothing']);

function yourFaultIsBlame(m: MatchContext): boolean {
  return !tokensBefore(m.text, m.start, 4).some((t) => isNegator(t.word) || NO_ONE.has(t.word));
}

export const BLAME_RULES: readonly PhraseRule[] = [
  {
    rule: 'blame',
    pattern:
      /\byou(?:['’]ve|['’]re|\s+have|\s+had|\s+are|\s+keep)?(?:\s+(?:always|just|really|even|also|still|only|constantly|sometimes))?\s+(?:made|make|makes|making)\s+me\b/gi,
    accept: madeMeIsBlame,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'blame',
    pattern: /\bbecause\s+of\s+you\b/gi,
    accept: becauseOfYouIsBlame,
    reason: REASON,
    suggestion: 'Describe the event and your feeling, without saying who caused it.',
  },
  {
    rule: 'blame',
    pattern: /\byour\s+fault\b/gi,
    accept: yourFaultIsBlame,
    reason: REASON,
    suggestion: 'Talk about the illness and its effects rather than fault: “Since the drinking got worse, I …”.',
  },
];
