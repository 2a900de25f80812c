/**
 * Group voice: "we all think", "everyone knows". Speaking for others can feel like being ganged
 * up on, and each person's own letter carries their own voice.
 *
 * Only flagged when the group is said to think, know, see or feel something, because "we all
 * went to the lake" or "everyone makes mistakes" are not speaking for anyone. Not flagged when
 * the clause is warm ("we all know how much you love your kids"): reassurance on behalf of the
 * family does no harm.
 *
 * The one-tap rewrite speaks for the writer only: "we all think" to "I think", "we're all
 * worried" to "I'm worried", "everyone knows" to "I know" (the verb right after is put in the
 * first person; when something else follows, as in "everyone at the party saw", or a verb of
 * saying, as in "everyone says", there is no mechanical rewrite).
 */
import { clauseAround, contrastSegment, nextWordInClause } from '../text/clause';
import { tokenize } from '../text/tokens';
import { isWarm } from '../lexicon/warmth';
import type { MatchContext, PhraseRule, Replacement } from './rule';

const VOICE_VERBS: ReadonlySet<string> = new Set([
  'think',
  'thinks',
  'thought',
  'know',
  'knows',
  'knew',
  'agree',
  'agrees',
  'agreed',
  'feel',
  'feels',
  'felt',
  'believe',
  'believes',
  'believed',
  'say',
  'says',
  'said',
  'saying',
  'see',
  'sees',
  'saw',
  'seen',
  'notice',
  'notices',
  'noticed',
  'worry',
  'worries',
  'worried',
  'talk',
  'talks',
  'talking',
  'talked',
  'decided',
  'tired',
  'sick',
  'fed',
  'blame',
  'blames',
  'blamed',
  'wonder',
  'wonders',
  'wondering',
  'afraid',
  'scared',
  'concerned',
  'upset',
  'angry',
  'frustrated',
  'hurt',
  'embarrassed',
  'ashamed',
  'noticing',
  'suspect',
  'suspects',
]);

function speaksForOthers(m: MatchContext): boolean {
  const clause = clauseAround(m.text, m.start, m.end);
  const next = tokenize(m.text, m.end, clause.end).slice(0, 5);
  if (!next.some((t) => VOICE_VERBS.has(t.word))) return false;
  const segment = contrastSegment(m.text, m.start, m.end);
  return !isWarm(m.text.slice(segment.start, segment.end));
}

/** The group, said for the writer alone; "everyone" and its kind take the verb after them. */
const FOR_ONE: Readonly<Record<string, string>> = {
  'we all': 'I',
  "we're all": "I'm",
  'we are all': 'I am',
  "we've all": "I've",
  'we have all': 'I have',
  'all of us': 'I',
};
const NEEDS_VERB: ReadonlySet<string> = new Set(['everyone', 'everybody', 'the whole family', 'the entire family']);
const FIRST_PERSON_VERB: Readonly<Record<string, string>> = {
  is: 'am',
  are: 'am',
  were: 'was',
  has: 'have',
  does: 'do',
};

/** "Everyone says" is a report, and "I say" would not be what the writer means: no rewrite. */
const SAYING: ReadonlySet<string> = new Set(['say', 'says', 'said', 'saying', 'talk', 'talks', 'talked', 'talking']);

/** "knows" to "know", "worries" to "worry"; only the voice verbs, whose forms are regular. */
function firstPersonVerb(verb: string, afterSingular: boolean): string | undefined {
  if (SAYING.has(verb)) return undefined;
  const irregular = FIRST_PERSON_VERB[verb];
  if (irregular !== undefined) return irregular;
  if (!VOICE_VERBS.has(verb)) return undefined;
  if (!afterSingular) return verb;
  if (verb.endsWith('ies')) return `${verb.slice(0, -3)}y`;
  return verb.endsWith('s') && !verb.endsWith('ss') ? verb.slice(0, -1) : verb;
}

function speakForOneRewrite(m: MatchContext): Replacement | undefined {
  const group = m.phrase.replace(/\s+/gu, ' ');
  const verb = nextWordInClause(m.text, m.end);
  if (NEEDS_VERB.has(group)) {
    const mine = verb === undefined ? undefined : firstPersonVerb(verb.word, true);
    if (verb === undefined || mine === undefined) return undefined;
    return { start: m.start, end: verb.end, text: `I ${mine}` };
  }
  const subject = FOR_ONE[group];
  if (subject === undefined || (verb !== undefined && SAYING.has(verb.word))) return undefined;
  // "We all are worried": the verb changes too; "we all think" keeps it.
  const changed = subject === 'I' && verb !== undefined ? FIRST_PERSON_VERB[verb.word] : undefined;
  if (verb !== undefined && changed !== undefined) return { start: m.start, end: verb.end, text: `I ${changed}` };
  return { start: m.start, end: m.end, text: subject };
}

export const GROUP_VOICE_RULES: readonly PhraseRule[] = [
  {
    rule: 'group-voice',
    pattern:
      /\b(?:we\s+all|we['’]re\s+all|we\s+are\s+all|we['’]ve\s+all|we\s+have\s+all|all\s+of\s+us|everyone|everybody|the\s+whole\s+family|the\s+entire\s+family)\b/gi,
    accept: speaksForOthers,
    rewrite: speakForOneRewrite,
    reason: 'Speaking for others can feel like being ganged up on.',
    suggestion: 'Speak only for yourself: “I think …”, “I saw …”, “I’m worried …”.',
  },
];
