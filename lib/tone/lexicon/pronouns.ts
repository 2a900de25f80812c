/**
 * Who a clause is about. The letters are written by one person (first person) to the loved one
 * (second person); most rules only make sense when the words describe the loved one.
 */

export const SECOND_PERSON_SUBJECTS: ReadonlySet<string> = new Set([
  'you',
  "you're",
  'youre',
  "you've",
  "you'll",
  "you'd",
  'u',
  'ya',
]);

export const SECOND_PERSON_ANY: ReadonlySet<string> = new Set([...SECOND_PERSON_SUBJECTS, 'your', 'yours', 'yourself']);

export const FIRST_PERSON: ReadonlySet<string> = new Set([
  'i',
  "i'm",
  'im',
  "i'll",
  "i've",
  "i'd",
  'me',
  'my',
  'mine',
  'myself',
  'we',
  "we're",
  "we'll",
  "we've",
  "we'd",
  'us',
  'our',
  'ours',
  'ourselves',
]);

/** Auxiliaries and light adverbs that sit between a subject and what is said of it. */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'have',
  'has',
  'had',
  'do',
  'does',
  'did',
  'am',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'just',
  'almost',
  'nearly',
  'still',
  'also',
  'really',
  'seem',
  'seems',
  'seemed',
  'to',
  'then',
  'so',
  'pretty',
  'much',
  'honestly',
  'truly',
  'literally',
]);

/** A word that negates what follows: "you don't always", "it's not your fault". */
export function isNegator(word: string): boolean {
  return word === 'not' || word === 'never' || word === 'no' || word.endsWith("n't") || word === 'cannot';
}
