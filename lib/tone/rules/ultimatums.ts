/**
 * Threats phrased as consequences or ultimatums, beyond the "if you don't" / "or else" / "last
 * chance" of threats.ts: "if you leave this room, don't call me", "one more drink and I'm gone",
 * "get help or you're out", "it's rehab or the street", "it's us or the bottle". The words are
 * in lexicon/consequences.ts, shared with the bottom-line check.
 *
 * Flagged, on the consequence itself (it is the part that has to move or change):
 * - in any letter, a loss or a rejection said to the loved one that hangs on a condition or an
 *   "or" ("don't call me", "you'll lose your family", "we're done"), and an ultimatum ("rehab or
 *   the street"): a bottom line is what the writer will do, not what the loved one will suffer;
 * - in an impact letter only, the writer walking away on a condition ("the next time you come
 *   home high, I'm changing the locks"): in the bottom-line letter that is the expected shape,
 *   and in the impact letter it drowns out the love, as threats.ts explains.
 *
 * Not flagged:
 * - the same words without a condition, which are usually worry or plain statements ("I'm
 *   afraid you'll lose your job", "I'm done pretending everything is fine");
 * - conditions with a kind consequence ("if you leave, I'll still be here", "if you go today,
 *   I'll drive you") and choices that are all help ("a clinic or an outpatient program");
 * - a warm part of a sentence, as in threats.ts;
 * - in an impact letter, a consequence after "if you don't / won't / refuse", because
 *   threats.ts already flags that condition: one warning per threat is enough.
 */
import { contrastSegment } from '../text/clause';
import {
  REFUSAL_CONDITION,
  THEIR_LOSS,
  ULTIMATUM,
  WRITER_EXIT,
  hangsOnCondition,
  isDemand,
  sentenceBefore,
} from '../lexicon/consequences';
import { isWarm } from '../lexicon/warmth';
import type { MatchContext, PhraseRule } from './rule';

function isColdSegment(m: MatchContext): boolean {
  const segment = contrastSegment(m.text, m.start, m.end);
  return !isWarm(m.text.slice(segment.start, segment.end));
}

/** In an impact letter, threats.ts has already flagged "if you don't ..." in this sentence. */
function alreadyFlaggedCondition(m: MatchContext): boolean {
  return m.kind === 'impact' && REFUSAL_CONDITION.test(sentenceBefore(m.text, m.start));
}

function isConditionalConsequence(m: MatchContext): boolean {
  if (isDemand(m.text, m.start) || !hangsOnCondition(m.text, m.start)) return false;
  return !alreadyFlaggedCondition(m) && isColdSegment(m);
}

const REASON = 'A consequence said as a threat can drown out the love in the letter, and it invites a fight.';
const SUGGESTION = 'Say it once, as your own action, in your bottom-line letter: “If you refuse help today, I will …”.';

export const ULTIMATUM_RULES: readonly PhraseRule[] = [
  {
    rule: 'threat',
    pattern: THEIR_LOSS,
    accept: isConditionalConsequence,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'threat',
    kinds: ['impact'],
    pattern: WRITER_EXIT,
    accept: isConditionalConsequence,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'threat',
    pattern: ULTIMATUM,
    accept: (m) => !alreadyFlaggedCondition(m) && isColdSegment(m),
    reason: 'An ultimatum leaves no room to be heard; it turns the letter into a fight.',
    suggestion: SUGGESTION,
  },
];
