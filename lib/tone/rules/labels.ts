/**
 * Labels for a person: addict, alcoholic, junkie, abuser (and a few slang cousins). A label can
 * feel like a verdict on who someone is; person-first words keep the focus on an illness that
 * can be treated. "Drunk" and "clean/dirty" need more context and live in their own files.
 *
 * Not flagged:
 * - "alcoholic" describing a thing ("non-alcoholic drinks", "alcoholic hepatitis") or part of a
 *   name ("Alcoholics Anonymous", "Adult Children of Alcoholics");
 * - "junkie" in harmless idioms ("adrenaline junkie", "news junkie");
 * - the writer naming themselves ("I'm a recovering alcoholic", "as an addict myself"): people
 *   in recovery may choose those words for themselves, and it is not our place to correct that.
 *
 * Where the shape is plain ("an addict", "a drug abuser", "junkies") the flag carries a one-tap
 * person-first rewrite (person-first.ts); otherwise only the suggestion.
 */
import { nextWordInClause, tokensAfter, tokensBefore } from '../text/clause';
import { ADDICT, ALCOHOL_USE, SUBSTANCE_USE, USES_DRUGS, personFirstRewrite } from './person-first';
import type { MatchContext, PhraseRule } from './rule';

const REASON =
  'Labels can feel like a verdict on who they are; person-first words keep the focus on an illness that can be treated.';

const SELF_QUALIFIERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'recovering',
  'grateful',
  'former',
  'ex',
  'fellow',
  'sober',
  'proud',
  'functioning',
]);

/** "I'm a recovering alcoholic", "I was an addict", "as an addict myself". */
export function isSelfDescription(m: MatchContext): boolean {
  if (tokensAfter(m.text, m.end, 1)[0]?.word === 'myself') return true;
  const before = tokensBefore(m.text, m.start, 5);
  let i = 0;
  while (i < before.length && SELF_QUALIFIERS.has(before[i]?.word ?? '')) i++;
  const verb = before[i]?.word;
  if (verb === "i'm" || verb === 'im') return true;
  const subject = before[i + 1]?.word;
  return (verb === 'am' || verb === 'was' || verb === 'been') && (subject === 'i' || subject === "i've");
}

const NON_PERSON_NOUNS: ReadonlySet<string> = new Set([
  'drink',
  'drinks',
  'beverage',
  'beverages',
  'content',
  'liquor',
  'punch',
  'cider',
  'spirits',
  'liver',
  'hepatitis',
  'cirrhosis',
  'pancreatitis',
  'neuropathy',
  'cardiomyopathy',
]);

function isPersonAlcoholic(m: MatchContext): boolean {
  if (/non[-\s]?$/i.test(m.text.slice(Math.max(0, m.start - 4), m.start))) return false;
  // The noun it describes must follow directly: in "an alcoholic, drinks or not" it is a person.
  const next = nextWordInClause(m.text, m.end)?.word;
  if (next === 'anonymous' || (next !== undefined && NON_PERSON_NOUNS.has(next))) return false;
  const before = tokensBefore(m.text, m.start, 2);
  if (before[0]?.word === 'of' && before[1]?.word === 'children') return false;
  return !isSelfDescription(m);
}

function isPersonAddict(m: MatchContext): boolean {
  if (tokensAfter(m.text, m.end, 1)[0]?.word === 'anonymous') return false;
  return !isSelfDescription(m);
}

const HARMLESS_JUNKIES: ReadonlySet<string> = new Set([
  'adrenaline',
  'news',
  'coffee',
  'caffeine',
  'sugar',
  'gym',
  'fitness',
  'chocolate',
  'political',
  'politics',
  'sports',
  'thrill',
  'tech',
  'data',
  'movie',
  'book',
  'music',
]);

function isDrugJunkie(m: MatchContext): boolean {
  const prev = tokensBefore(m.text, m.start, 1)[0]?.word;
  return (prev === undefined || !HARMLESS_JUNKIES.has(prev)) && !isSelfDescription(m);
}

const SUBSTANCES: ReadonlySet<string> = new Set([
  'drug',
  'drugs',
  'substance',
  'alcohol',
  'pill',
  'opioid',
  'heroin',
  'meth',
  'cocaine',
]);

function abuserSuggestion(m: MatchContext): string {
  const prev = tokensBefore(m.text, m.start, 1)[0]?.word;
  return prev !== undefined && SUBSTANCES.has(prev)
    ? 'Try “a person with a substance-use disorder”.'
    : 'Describe what they did and how it affected you, rather than naming them by it.';
}

export const LABEL_RULES: readonly PhraseRule[] = [
  {
    rule: 'label',
    pattern: /\baddicts?\b/gi,
    accept: isPersonAddict,
    reason: REASON,
    suggestion: 'Try “a person with a substance-use disorder”, or “in recovery” if they are.',
    rewrite: (m) => personFirstRewrite(m, ADDICT),
  },
  {
    rule: 'label',
    pattern: /\balcoholics?\b/gi,
    accept: isPersonAlcoholic,
    reason: REASON,
    suggestion: 'Try “a person with an alcohol-use disorder”.',
    rewrite: (m) => personFirstRewrite(m, ALCOHOL_USE),
  },
  {
    rule: 'label',
    pattern: /\bjunkies?\b/gi,
    accept: isDrugJunkie,
    reason: REASON,
    suggestion: 'Try “a person who uses drugs” or “a person with a substance-use disorder”.',
    rewrite: (m) => personFirstRewrite(m, USES_DRUGS),
  },
  {
    rule: 'label',
    pattern: /\b(?:crackheads?|druggies?|alkies?|winos?)\b/gi,
    accept: (m) => !isSelfDescription(m),
    reason: REASON,
    suggestion: 'Try “a person with a substance-use disorder”.',
    rewrite: (m) => personFirstRewrite(m, /^(?:alkie|wino)/u.test(m.phrase) ? ALCOHOL_USE : USES_DRUGS),
  },
  {
    rule: 'label',
    pattern: /\babusers?\b/gi,
    accept: (m) => !isSelfDescription(m),
    reason: REASON,
    suggestion: abuserSuggestion,
    rewrite: (m) => personFirstRewrite(m, SUBSTANCE_USE),
  },
];
