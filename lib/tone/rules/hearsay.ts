/**
 * Hearsay: "I heard from", "Mom told me". Second-hand accounts are easy to dispute and pull the
 * absent person into the room; the letter is strongest when it tells what the writer saw.
 *
 * "You told me" is the loved one's own words, not hearsay, so "X told me" is not flagged when
 * "you" is the teller (also "you once told me", "you've told me"), nor for "nobody told me".
 * Passing on love ("Grandma told me to tell you she loves you") is not flagged either.
 */
import { contrastSegment, tokensBefore } from '../text/clause';
import { normaliseWord } from '../text/tokens';
import { SECOND_PERSON_SUBJECTS } from '../lexicon/pronouns';
import { isWarm } from '../lexicon/warmth';
import type { MatchContext, PhraseRule } from './rule';

const REASON = 'Second-hand accounts are easy to dispute; what you saw yourself is not.';
const SUGGESTION = 'Share what you saw or felt yourself, or let that person say it in their own letter.';

const NOT_A_TELLER: ReadonlySet<string> = new Set([
  ...SECOND_PERSON_SUBJECTS,
  'i',
  "i've",
  "i'd",
  'nobody',
  'never',
  'one',
  'who',
  'what',
]);

function isColdReport(m: MatchContext): boolean {
  const segment = contrastSegment(m.text, m.start, m.end);
  return !isWarm(m.text.slice(segment.start, segment.end));
}

function someoneElseTold(m: MatchContext): boolean {
  const teller = normaliseWord(/^[^\s]+/u.exec(m.phrase)?.[0] ?? '');
  if (NOT_A_TELLER.has(teller)) return false;
  if (tokensBefore(m.text, m.start, 3).some((t) => SECOND_PERSON_SUBJECTS.has(t.word))) return false;
  return isColdReport(m);
}

export const HEARSAY_RULES: readonly PhraseRule[] = [
  {
    rule: 'hearsay',
    pattern: /\bI(?:\s+have|['’]ve|\s+had|['’]d)?\s+heard\s+(?:from|that|through)\b/gi,
    accept: isColdReport,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'hearsay',
    pattern: /\bI(?:\s+have|['’]ve)?\s+(?:was|been)\s+told\b/gi,
    accept: isColdReport,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'hearsay',
    // Leading non-letter (or start) instead of \b, so names like "Renée" are found whole.
    pattern:
      /(?:^|[^\p{L}\p{N}'’])([\p{L}][\p{L}\p{N}'’-]*\s+(?:(?:has|have|had|also|once|already|just|then)\s+)?told\s+(?:me|us))\b/giu,
    accept: someoneElseTold,
    reason: REASON,
    suggestion: SUGGESTION,
  },
];
