/**
 * One-tap person-first rewrites for labels (labels.ts, label-drunk.ts): "an addict" to "a
 * person with an addiction", "a drug addict" to "a person with a drug addiction", "junkies" to
 * "people who use drugs". The article is part of the rewrite, since "a person" replaces "an".
 *
 * Only the plain shapes are rewritten, because only there the result is sure to read well:
 * an article right before the label (with at most a substance word between), or a plural.
 * "You junkie", "a mean drunk" or "such an addict" keep the explanation only: "a mean person
 * with an alcohol-use disorder" is not something anyone would say.
 */
import { tokensBefore } from '../text/clause';
import type { MatchContext, Replacement } from './rule';

export interface PersonFirst {
  /** After "a"/"the": "person with an addiction"; gets the substance when there is one. */
  singular: (substance: string | undefined) => string;
  plural: (substance: string | undefined) => string;
  /** When true, a substance word is required ("a drug abuser"; "an abuser" may be violence). */
  needsSubstance?: boolean;
}

const SUBSTANCES: ReadonlySet<string> = new Set([
  'drug',
  'heroin',
  'meth',
  'opioid',
  'opiate',
  'pill',
  'cocaine',
  'crack',
  'gambling',
  'alcohol',
  'substance',
  'painkiller',
]);

const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);
const DEGREE: ReadonlySet<string> = new Set(['such', 'what', 'quite', 'rather', 'many']);

/** "a drug addiction", "an opioid addiction". */
function aOrAn(word: string): string {
  return /^[aeiou]/u.test(word) ? `an ${word}` : `a ${word}`;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  return /^\s+$/u.test(text.slice(from, to));
}

export function personFirstRewrite(m: MatchContext, forms: PersonFirst): Replacement | undefined {
  const before = tokensBefore(m.text, m.start, 2);
  const first = before[0];
  const substance =
    first !== undefined && SUBSTANCES.has(first.word) && onlySpaces(m.text, first.end, m.start) ? first : undefined;
  if (forms.needsSubstance === true && substance === undefined) return undefined;
  const phraseStart = substance?.start ?? m.start;
  if (m.phrase.endsWith('s')) return { start: phraseStart, end: m.end, text: forms.plural(substance?.word) };
  const article = before[substance === undefined ? 0 : 1];
  if (article === undefined || !ARTICLES.has(article.word) || !onlySpaces(m.text, article.end, phraseStart))
    return undefined;
  // "such an addict", "what a junkie": the rewrite would read as mockery.
  if (DEGREE.has(tokensBefore(m.text, article.start, 1)[0]?.word ?? '')) return undefined;
  const determiner = article.word === 'the' ? 'the' : 'a';
  return { start: article.start, end: m.end, text: `${determiner} ${forms.singular(substance?.word)}` };
}

/** "addict": "a person with an addiction", "a person with a drug addiction". */
export const ADDICT: PersonFirst = {
  singular: (s) => (s === undefined ? 'person with an addiction' : `person with ${aOrAn(s)} addiction`),
  plural: (s) => (s === undefined ? 'people with addictions' : `people with ${aOrAn(s)} addiction`),
};

export const ALCOHOL_USE: PersonFirst = {
  singular: () => 'person with an alcohol-use disorder',
  plural: () => 'people with an alcohol-use disorder',
};

export const USES_DRUGS: PersonFirst = {
  singular: () => 'person who uses drugs',
  plural: () => 'people who use drugs',
};

export const SUBSTANCE_USE: PersonFirst = {
  singular: (s) => (s === 'alcohol' ? 'person with an alcohol-use disorder' : 'person with a substance-use disorder'),
  plural: (s) => (s === 'alcohol' ? 'people with an alcohol-use disorder' : 'people with a substance-use disorder'),
  needsSubstance: true,
};
