/**
 * Group voice: "we all think", "everyone knows". Speaking for others can feel like being ganged
 * up on, and each person's own letter carries their own voice.
 *
 * Only flagged when the group is said to think, know, see or feel something, because "we all
 * went to the lake" or "everyone makes mistakes" are not speaking for anyone. Not flagged when
 * the clause is warm ("we all know how much you love your kids"): reassurance on behalf of the
 * family does no harm.
 */
import { clauseAround, contrastSegment } from '../text/clause';
import { tokenize } from '../text/tokens';
import { isWarm } from '../lexicon/warmth';
import type { MatchContext, PhraseRule } from './rule';

const VOICE_VERBS: ReadonlySet<string> = new Set([
  'think', 'thinks', 'thought', 'know', 'knows', 'knew', 'agree', 'agrees', 'agreed', 'feel',
  'feels', 'felt', 'believe', 'believes', 'believed', 'say', 'says', 'said', 'saying', 'see',
  'sees', 'saw', 'seen', 'notice', 'notices', 'noticed', 'worry', 'worries', 'worried', 'talk',
  'talks', 'talking', 'talked', 'decided', 'tired', 'sick', 'fed', 'blame', 'blames', 'blamed',
  'wonder', 'wonders', 'wondering', 'afraid', 'scared', 'concerned', 'upset', 'angry',
  'frustrated', 'hurt', 'embarrassed', 'ashamed', 'noticing', 'suspect', 'suspects',
]);

function speaksForOthers(m: MatchContext): boolean {
  const clause = clauseAround(m.text, m.start, m.end);
  const next = tokenize(m.text, m.end, clause.end).slice(0, 5);
  if (!next.some((t) => VOICE_VERBS.has(t.word))) return false;
  const segment = contrastSegment(m.text, m.start, m.end);
  return !isWarm(m.text.slice(segment.start, segment.end));
}

export const GROUP_VOICE_RULES: readonly PhraseRule[] = [
  {
    rule: 'group-voice',
    pattern:
      /\b(?:we\s+all|we['’]re\s+all|we\s+are\s+all|we['’]ve\s+all|we\s+have\s+all|all\s+of\s+us|everyone|everybody|the\s+whole\s+family|the\s+entire\s+family)\b/gi,
    accept: speaksForOthers,
    reason: 'Speaking for others can feel like being ganged up on.',
    suggestion: 'Speak only for yourself: “I think …”, “I saw …”, “I’m worried …”.',
  },
];
