/**
 * Threats inside an impact letter: "if you don't", "or else", "last chance". An impact letter
 * is there to be heard with love; a consequence belongs in the bottom-line letter, stated as the
 * writer's own action. So these rules run for impact letters only; in a bottom-line letter
 * "If you don't accept help today, I will move out" is the expected shape.
 *
 * Not flagged:
 * - "if you don't" that is patient, not conditional pressure: "even if you don't", "I'll
 *   understand if you don't want to talk", "if you don't mind", "if you don't remember", or
 *   any whose part of the sentence is warm ("if you don't go today, I will still love you");
 *   the part is cut at "but", so "I love you, but if you don't go, I'm leaving" is flagged;
 * - "last chance" that is not theirs: "it was my last chance to see Grandpa".
 */
import { contrastSegment, tokensAfter, tokensBefore } from '../text/clause';
import { tokenize } from '../text/tokens';
import { isWarm } from '../lexicon/warmth';
import type { MatchContext, PhraseRule } from './rule';

/** Words anywhere in its part of the sentence that make "if you don't" patient. */
const PATIENT: ReadonlySet<string> = new Set([
  'even',
  'understand',
  'okay',
  'ok',
  'alright',
  'matter',
  'forgive',
  'sorry',
]);

const HARMLESS_AFTER: ReadonlySet<string> = new Set([
  'mind',
  'remember',
  'recall',
  'believe',
  'know',
  'agree',
  'understand',
  'see',
]);

function isConditionalThreat(m: MatchContext): boolean {
  const segment = contrastSegment(m.text, m.start, m.end);
  if (isWarm(m.text.slice(segment.start, segment.end))) return false;
  if (tokenize(m.text, segment.start, segment.end).some((t) => PATIENT.has(t.word))) return false;
  const next = tokensAfter(m.text, m.end, 2);
  if (next.some((t) => HARMLESS_AFTER.has(t.word))) return false;
  // "if you don't want to talk today" is patience, not pressure.
  return !(next[0]?.word === 'want' && tokensAfter(m.text, m.end, 4).some((t) => t.word === 'talk'));
}

const THEIRS: ReadonlySet<string> = new Set(['your', 'this', 'our', "you're", "it's", 'final']);

function isTheirLastChance(m: MatchContext): boolean {
  const before = tokensBefore(m.text, m.start, 3);
  if (before[0]?.word === 'my') return false;
  return before.length === 0 || before.some((t) => THEIRS.has(t.word));
}

const REASON = 'A threat in an impact letter can drown out the love in it.';
const SUGGESTION = 'Move it to your bottom-line letter as your own action: “I will …”, “I will no longer …”.';

export const THREAT_RULES: readonly PhraseRule[] = [
  {
    rule: 'threat',
    kinds: ['impact'],
    pattern: /\bif\s+you\s+(?:don['’]t|do\s+not|won['’]t|will\s+not|refuse)\b/gi,
    accept: isConditionalThreat,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'threat',
    kinds: ['impact'],
    pattern: /\bor\s+else\b/gi,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'threat',
    kinds: ['impact'],
    pattern: /\b(?:last|final)\s+chance\b/gi,
    accept: isTheirLastChance,
    reason: REASON,
    suggestion: SUGGESTION,
  },
];
