/**
 * "Clean" and "dirty" as labels of a person or a test result ("you were clean", "a dirty
 * test"). Person-first language says "in recovery", "not using", "tested negative" instead,
 * because "dirty" implies the person is.
 *
 * Flagged only in these shapes, so "I cleaned the kitchen", "clean clothes", "a clean slate",
 * "dirty dishes" and "you finally came clean about the money" (a confession) are left alone:
 * - a state verb with a person as subject: "you were clean", "he's been clean for a year",
 *   "since you got clean", "help you stay clean", "you're dirty";
 * - staying clean as a goal: "to get clean", "to stay clean";
 * - test results: "dirty test", "clean drug screen", "tested dirty", "came back dirty",
 *   "your test was dirty";
 * - recovery jargon: "clean and sober", "clean time", "clean date".
 * The writer describing themselves ("I've been clean for ten years") is not flagged, for the
 * same reason as self-chosen labels (see labels.ts).
 *
 * One-tap rewrites, where the words are plain: a test result becomes "positive"/"negative"
 * ("came back positive"), "clean and sober" becomes "sober", "clean time" becomes "time in
 * recovery"; a person who "was clean" was "in recovery", who "got clean" "got into recovery",
 * who "was dirty" was "using". Other shapes ("got dirty") keep the suggestion only.
 */
import { tokensAfter, tokensBefore } from '../text/clause';
import type { Token } from '../text/tokens';
import type { MatchContext, PhraseRule, Replacement } from './rule';

const TEST_NOUNS: ReadonlySet<string> = new Set([
  'test',
  'tests',
  'screen',
  'screens',
  'screening',
  'urine',
  'ua',
  'uas',
  'sample',
  'samples',
  'result',
  'results',
  'tox',
  'drug',
  'urinalysis',
]);

const OTHER_PERSON: ReadonlySet<string> = new Set([
  'you',
  "you're",
  "you've",
  "you'd",
  "you'll",
  'he',
  "he's",
  "he'd",
  "he'll",
  'she',
  "she's",
  "she'd",
  "she'll",
  'they',
  "they're",
  "they've",
  "they'd",
  "they'll",
  'him',
  'her',
  'them',
  'yourself',
]);

const BE_CONTRACTIONS: ReadonlySet<string> = new Set(["you're", "he's", "she's", "they're"]);

const STATE_VERBS: ReadonlySet<string> = new Set([
  'be',
  'been',
  'being',
  'is',
  'was',
  'were',
  'are',
  'get',
  'gets',
  'got',
  'gotten',
  'getting',
  'stay',
  'stays',
  'stayed',
  'staying',
  'remain',
  'remains',
  'remained',
  'remaining',
  'keep',
  'keeps',
  'kept',
  'keeping',
]);
// Not "look"/"seem": "you looked clean and rested" is usually about hygiene, not drugs.

const GOAL_VERBS: ReadonlySet<string> = new Set(['get', 'stay', 'remain', 'getting', 'staying']);
const REPORT_VERBS: ReadonlySet<string> = new Set(['test', 'tests', 'tested', 'testing']);
const RETURN_VERBS: ReadonlySet<string> = new Set(['come', 'comes', 'came', 'coming']);

const BETWEEN: ReadonlySet<string> = new Set([
  'have',
  'has',
  'had',
  'will',
  'would',
  'could',
  'can',
  'should',
  'must',
  'might',
  'may',
  'not',
  'never',
  'still',
  'finally',
  'already',
  'just',
  'really',
  'been',
  'be',
  'to',
  'try',
  'tried',
  'trying',
  'want',
  'wanted',
  'need',
  'needed',
  'able',
  'were',
  'was',
  'is',
  'are',
  'helped',
  'help',
  'helping',
  'see',
  'seen',
  'saw',
  'watched',
  'watch',
  'if',
  'since',
  'when',
  'while',
  "n't",
  "didn't",
  "don't",
  "won't",
  "haven't",
  "hasn't",
  "wasn't",
  "weren't",
]);

const ADVERBS: ReadonlySet<string> = new Set([
  'completely',
  'totally',
  'really',
  'truly',
  'fully',
  'finally',
  'still',
  'squeaky',
  'stone',
  'cold',
  'perfectly',
  'back',
  'not',
  'never',
  'all',
]);

function labelsResult(after: readonly Token[]): boolean {
  const [first, second] = after;
  if (first === undefined) return false;
  if (TEST_NOUNS.has(first.word) || first.word === 'time' || first.word === 'date') return true;
  return first.word === 'and' && second?.word === 'sober';
}

function isPersonOrTest(word: string | undefined): boolean {
  return word !== undefined && (OTHER_PERSON.has(word) || TEST_NOUNS.has(word));
}

function labelsPerson(before: readonly Token[]): boolean {
  let i = 0;
  let skippedBack = false;
  while (i < before.length && ADVERBS.has(before[i]?.word ?? '')) {
    if (before[i]?.word === 'back') skippedBack = true;
    i++;
  }
  const verb = before[i]?.word;
  if (verb === undefined) return false;
  if (BE_CONTRACTIONS.has(verb) || REPORT_VERBS.has(verb)) return true;
  if (RETURN_VERBS.has(verb)) return skippedBack;
  if (!STATE_VERBS.has(verb)) return false;
  if (GOAL_VERBS.has(verb) && before[i + 1]?.word === 'to') return true;
  let j = i + 1;
  while (j < before.length && BETWEEN.has(before[j]?.word ?? '') && !isPersonOrTest(before[j]?.word)) j++;
  return isPersonOrTest(before[j]?.word);
}

function isLabel(m: MatchContext): boolean {
  return labelsResult(tokensAfter(m.text, m.end, 2)) || labelsPerson(tokensBefore(m.text, m.start, 8));
}

const REASON =
  'Calling a person or a test “clean” or “dirty” suggests the person is dirty; it is a label, not a description.';

/** A test result rather than a person: "dirty test", "tested clean", "the test came back dirty". */
function isTestResult(m: MatchContext): boolean {
  const [first] = tokensAfter(m.text, m.end, 1);
  if (first !== undefined && TEST_NOUNS.has(first.word)) return true;
  return tokensBefore(m.text, m.start, 3).some((t) => TEST_NOUNS.has(t.word) || REPORT_VERBS.has(t.word));
}

function suggestion(m: MatchContext): string {
  const result = labelsResult(tokensAfter(m.text, m.end, 2));
  const testish =
    result || tokensBefore(m.text, m.start, 3).some((t) => TEST_NOUNS.has(t.word) || REPORT_VERBS.has(t.word));
  if (m.phrase === 'clean') {
    return testish ? 'Try “tested negative” or “a negative test”.' : 'Try “in recovery” or “not using”.';
  }
  return testish ? 'Try “tested positive” or “a positive test”.' : 'Try “using” or “had used”.';
}

const BE_STATES: ReadonlySet<string> = new Set([
  ...BE_CONTRACTIONS,
  'be',
  'been',
  'being',
  'is',
  'was',
  'were',
  'are',
  'stay',
  'stays',
  'stayed',
  'staying',
  'remain',
  'remains',
  'remained',
  'remaining',
]);
const BECOMING: ReadonlySet<string> = new Set(['get', 'gets', 'got', 'gotten', 'getting']);

function adjacent(m: MatchContext, next: Token | undefined): next is Token {
  return next !== undefined && /^\s+$/u.test(m.text.slice(m.end, next.start));
}

function rewrite(m: MatchContext): Replacement | undefined {
  const clean = m.phrase === 'clean';
  const [first, second] = tokensAfter(m.text, m.end, 2);
  if (clean && adjacent(m, first) && first.word === 'and' && second?.word === 'sober') {
    return { start: m.start, end: second.end, text: 'sober' };
  }
  if (clean && adjacent(m, first) && first.word === 'time')
    return { start: m.start, end: first.end, text: 'time in recovery' };
  if (clean && adjacent(m, first) && first.word === 'date')
    return { start: m.start, end: first.end, text: 'recovery date' };
  if (isTestResult(m)) return { start: m.start, end: m.end, text: clean ? 'negative' : 'positive' };
  const before = tokensBefore(m.text, m.start, 4);
  let i = 0;
  while (i < before.length && ADVERBS.has(before[i]?.word ?? '')) i++;
  const verb = before[i]?.word ?? '';
  if (BE_STATES.has(verb)) return { start: m.start, end: m.end, text: clean ? 'in recovery' : 'using' };
  if (clean && BECOMING.has(verb)) return { start: m.start, end: m.end, text: 'into recovery' };
  return undefined;
}

export const CLEAN_DIRTY_LABEL_RULES: readonly PhraseRule[] = [
  {
    rule: 'label',
    pattern: /\b(?:clean|dirty)\b/gi,
    accept: isLabel,
    reason: REASON,
    suggestion,
    rewrite,
  },
];
