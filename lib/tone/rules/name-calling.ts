/**
 * Name-calling: a word for what the loved one is, said in anger: "you're a coward", "you're a
 * failure as a father", "you are so selfish", "you liar". The article warns that participants
 * who lead with emotion make an intervention volatile, and that people who feel judged become
 * defensive; a name is a verdict, and a verdict gets argued with instead of heard. (Addiction
 * labels such as "addict" or "junkie" are the label rule's, with person-first words to offer.)
 *
 * Flagged only when the name is said of the loved one:
 * - after "you" and a linking verb, with a few describing words between: "you're a coward",
 *   "you've become a thief", "you were always such a liar", "you're nothing but a liar",
 *   "you turned into a monster", "you acted like a coward";
 * - said to them directly, with nothing after it in the clause: "You liar, you promised me."
 * A plain adjective of blame before a role counts as a name too: "you're a terrible father".
 *
 * Not flagged:
 * - when negated: "you're not a failure", "you are no coward", "you're not weak for needing
 *   help": saying what they are not is often the kindest sentence in the letter;
 * - the writer describing themselves ("I was a coward for not saying this", "it was selfish of
 *   me"), or anyone else ("I felt like a failure"): the rule is about the loved one;
 * - words that also name an illness or a state ("sick", "a mess", "a wreck"): "you're sick,
 *   and you can get well" is the framing the guide asks for;
 * - words that are also verbs ("cheat", "bully", "fool") when said directly, since "you fool
 *   yourself" is not a name.
 * Only the first name in a phrase is flagged: "you're a selfish liar" is one flag, not two.
 */
import { nextWordInClause, tokensBefore } from '../text/clause';
import type { Token } from '../text/tokens';
import { isNegator } from '../lexicon/pronouns';
import type { MatchContext, PhraseRule } from './rule';

/** Nouns and adjectives that are a verdict on a person. */
const NAMES: readonly string[] = [
  'coward',
  'cowards',
  'liar',
  'liars',
  'failure',
  'loser',
  'disgrace',
  'fraud',
  'hypocrite',
  'monster',
  'deadbeat',
  'parasite',
  'idiot',
  'moron',
  'thief',
  'cheater',
  'lowlife',
  'scumbag',
  'jerk',
  'disappointment',
  'embarrassment',
  'burden',
  'waste',
  'joke',
  'bum',
  'bully',
  'selfish',
  'pathetic',
  'worthless',
  'useless',
  'weak',
  'spineless',
  'gutless',
  'lazy',
  'disgusting',
  'stupid',
  'heartless',
  'cruel',
  'irresponsible',
  'shameless',
  'despicable',
  'evil',
  'toxic',
  'manipulative',
  'fool',
  'cheat',
];

/** Said directly ("you liar"), these are names; others read as verbs ("you cheat", "you fool yourself"). */
const VOCATIVE_NAMES: ReadonlySet<string> = new Set([
  'coward',
  'liar',
  'failure',
  'loser',
  'disgrace',
  'fraud',
  'hypocrite',
  'monster',
  'deadbeat',
  'parasite',
  'idiot',
  'moron',
  'thief',
  'cheater',
  'lowlife',
  'scumbag',
  'jerk',
  'selfish',
  'pathetic',
  'worthless',
  'useless',
  'spineless',
  'gutless',
  'lazy',
  'disgusting',
  'stupid',
  'heartless',
  'cruel',
  'bum',
]);

const NAME_SET: ReadonlySet<string> = new Set(NAMES);

/** Blame adjectives that make a name only before a role: "a terrible father". */
const ROLE_PATTERN =
  /\b(?:bad|terrible|awful|lousy|rotten|horrible|poor)\s+(?:father|mother|dad|mom|mum|parent|husband|wife|son|daughter|brother|sister|friend|person|human\s+being)\b/gi;

/** Words that may sit between the linking verb and the name: "you're nothing but a total liar". */
const DESCRIBING: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'such',
  'so',
  'just',
  'nothing',
  'but',
  'total',
  'complete',
  'real',
  'big',
  'biggest',
  'absolute',
  'utter',
  'really',
  'completely',
  'utterly',
  'totally',
  'absolutely',
  'truly',
  'very',
  'too',
  'pretty',
  'quite',
  'compulsive',
  'pathological',
  'lying',
  'selfish',
  'little',
  'sorry',
  'always',
  'now',
  'still',
  'basically',
  'simply',
  'honestly',
]);

/** Linking verbs after which a name describes the subject. */
const LINKS_WITH_YOU: ReadonlySet<string> = new Set(["you're", 'youre']);
const LINKS: ReadonlySet<string> = new Set([
  'are',
  'were',
  'been',
  'become',
  'became',
  'into',
  'like',
  'be',
  'being',
  'remain',
]);
const YOU_FORMS: ReadonlySet<string> = new Set(['you', "you've", "you'll", "you'd", 'u']);
/** Between "you" and the link: "you have always been", "you will always be". */
const BETWEEN_SUBJECT_AND_LINK: ReadonlySet<string> = new Set([
  'have',
  'had',
  'will',
  'would',
  'always',
  'just',
  'really',
  'now',
  'finally',
  'turned',
  'turning',
  'acted',
  'act',
  'acting',
  'behave',
  'behaving',
  'behaved',
  'basically',
  'become',
]);

function saidOfLovedOne(before: readonly Token[], word: string, m: MatchContext): boolean {
  let i = 0;
  while (i < before.length && DESCRIBING.has(before[i]?.word ?? '')) {
    if (NAME_SET.has(before[i]?.word ?? '')) return false; // an earlier name in the phrase is the flag
    i++;
  }
  const link = before[i]?.word;
  if (link === undefined) return false;
  // Said directly: "You liar, you promised me."
  if (i === 0 && link === 'you') {
    return VOCATIVE_NAMES.has(word) && nextWordInClause(m.text, m.end) === undefined;
  }
  if (LINKS_WITH_YOU.has(link)) return true;
  if (!LINKS.has(link)) return false;
  let j = i + 1;
  while (j < before.length && (BETWEEN_SUBJECT_AND_LINK.has(before[j]?.word ?? '') || LINKS.has(before[j]?.word ?? '')))
    j++;
  return YOU_FORMS.has(before[j]?.word ?? '');
}

function isNameForLovedOne(m: MatchContext): boolean {
  const before = tokensBefore(m.text, m.start, 8);
  const word = m.phrase.split(/\s+/u)[0] ?? '';
  // Negated anywhere between the subject and the name: "you're not a failure", "you are no coward".
  const upToSubject = before.slice(0, before.findIndex((t) => YOU_FORMS.has(t.word) || LINKS_WITH_YOU.has(t.word)) + 1);
  if (upToSubject.some((t) => isNegator(t.word))) return false;
  return saidOfLovedOne(before, word, m);
}

const REASON = 'A name said in anger is heard as a verdict, and people argue with a verdict instead of listening.';
const SUGGESTION = 'Say what happened and how it felt, not what they are: “When you left, I felt scared and alone.”';

export const NAME_CALLING_RULES: readonly PhraseRule[] = [
  {
    rule: 'name-calling',
    pattern: new RegExp(String.raw`\b(?:${NAMES.join('|')})\b`, 'gi'),
    accept: isNameForLovedOne,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'name-calling',
    pattern: ROLE_PATTERN,
    accept: isNameForLovedOne,
    reason: REASON,
    suggestion: SUGGESTION,
  },
];
