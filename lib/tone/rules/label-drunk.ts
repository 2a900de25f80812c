/**
 * "Drunk" as a label. The guide lists it, but the word has two uses:
 * - the noun, a label for a person: "you're a drunk", "a mean drunk", "drunks", "drunkard":
 *   flagged;
 * - the adjective, describing a moment: "you were drunk at the wedding", "a little drunk":
 *   not flagged, because a concrete description of what happened is exactly what an impact
 *   letter should contain (and "you're always drunk" is still caught by the generalisation).
 * It is a noun when an article comes first (optionally with one describing word, but not a
 * degree word like "a little") and no noun follows for it to describe ("a drunk driver" is the
 * adjective, describing the driving). Only a word in the same stretch counts as following: in
 * "you're a drunk, Sam" or "a drunk—that's all they see" the punctuation ends the noun phrase.
 * "A drunk" and "drunks" get a one-tap person-first rewrite (person-first.ts).
 */
import { nextWordInClause, tokensBefore } from '../text/clause';
import { isSelfDescription } from './labels';
import { ALCOHOL_USE, personFirstRewrite } from './person-first';
import type { MatchContext, PhraseRule } from './rule';

// Not "that"/"this": in "I hated seeing you that drunk" they are degree words.
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the', 'another', 'such', 'some']);

const DEGREE_WORDS: ReadonlySet<string> = new Set([
  'little',
  'bit',
  'tad',
  'very',
  'so',
  'too',
  'pretty',
  'really',
  'slightly',
  'completely',
  'totally',
  'extremely',
  'quite',
  'rather',
  'kind',
  'sort',
  'half',
  'blind',
  'stinking',
  'dead',
  'falling',
  'down',
  'visibly',
  'obviously',
  'clearly',
  'already',
  'still',
  'most',
  'more',
  'less',
  'least',
]);

/** Words that can follow the noun "drunk"; anything else is probably the noun it describes. */
const AFTER_NOUN: ReadonlySet<string> = new Set([
  'and',
  'or',
  'but',
  'who',
  'whom',
  'that',
  'which',
  'when',
  'whose',
  'with',
  'at',
  'in',
  'on',
  'like',
  'again',
  'anymore',
  'to',
  'of',
  'for',
  'from',
  'is',
  'was',
  'are',
  'were',
  'than',
  'then',
  'yet',
  'so',
  'because',
  'if',
  'by',
  'as',
  'has',
  'had',
  'have',
  'will',
  'would',
  'can',
  'could',
  'should',
  'i',
  'you',
  'he',
  'she',
  'they',
  'we',
  'it',
  'my',
  'your',
  'now',
  'too',
  'once',
  'today',
  'tonight',
  'yesterday',
  'back',
  'anyway',
]);

function isNounDrunk(m: MatchContext): boolean {
  const before = tokensBefore(m.text, m.start, 2);
  const first = before[0]?.word;
  if (first === undefined) return false;
  const articleFirst = ARTICLES.has(first);
  const describedNoun = !DEGREE_WORDS.has(first) && ARTICLES.has(before[1]?.word ?? '');
  if (!articleFirst && !describedNoun) return false;
  const next = nextWordInClause(m.text, m.end)?.word;
  return (next === undefined || AFTER_NOUN.has(next)) && !isSelfDescription(m);
}

const REASON =
  'Labels can feel like a verdict on who they are; person-first words keep the focus on an illness that can be treated.';
const SUGGESTION =
  'Describe the moment instead (“you were drunk at the wedding”), or say “a person with an alcohol-use disorder”.';

export const DRUNK_LABEL_RULES: readonly PhraseRule[] = [
  {
    rule: 'label',
    pattern: /\bdrunk\b/gi,
    accept: isNounDrunk,
    reason: REASON,
    suggestion: SUGGESTION,
    rewrite: (m) => personFirstRewrite(m, ALCOHOL_USE),
  },
  {
    rule: 'label',
    pattern: /\b(?:drunks|drunkards?)\b/gi,
    accept: (m) => !isSelfDescription(m),
    reason: REASON,
    suggestion: SUGGESTION,
    rewrite: (m) => personFirstRewrite(m, ALCOHOL_USE),
  },
];
