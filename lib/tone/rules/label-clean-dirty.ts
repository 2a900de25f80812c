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
 */
import { tokensAfter, tokensBefore } from '../text/clause';
import type { Token } from '../text/tokens';
import type { MatchContext, PhraseRule } from './rule';

const TEST_NOUNS: ReadonlySet<string> = new Set([
  'test', 'tests', 'screen', 'screens', 'screening', 'urine', 'ua', 'uas', 'sample', 'samples',
  'result', 'results', 'tox', 'drug', 'urinalysis',
]);

const OTHER_PERSON: ReadonlySet<string> = new Set([
  'you', "you're", "you've", "you'd", "you'll", 'he', "he's", "he'd", "he'll", 'she', "she's",
  "she'd", "she'll", 'they', "they're", "they've", "they'd", "they'll", 'him', 'her', 'them',
  'yourself',
]);

const BE_CONTRACTIONS: ReadonlySet<string> = new Set(["you're", "he's", "she's", "they're"]);

const STATE_VERBS: ReadonlySet<string> = new Set([
  'be', 'been', 'being', 'is', 'was', 'were', 'are', 'get', 'gets', 'got', 'gotten', 'getting',
  'stay', 'stays', 'stayed', 'staying', 'remain', 'remains', 'remained', 'remaining', 'keep',
  'keeps', 'kept', 'keeping',
]);
// Not "look"/"seem": "you looked clean and rested" is usually about hygiene, not drugs.

const GOAL_VERBS: ReadonlySet<string> = new Set(['get', 'stay', 'remain', 'getting', 'staying']);
const REPORT_VERBS: ReadonlySet<string> = new Set(['test', 'tests', 'tested', 'testing']);
const RETURN_VERBS: ReadonlySet<string> = new Set(['come', 'comes', 'came', 'coming']);

const BETWEEN: ReadonlySet<string> = new Set([
  'have', 'has', 'had', 'will', 'would', 'could', 'can', 'should', 'must', 'might', 'may', 'not',
  'never', 'still', 'finally', 'already', 'just', 'really', 'been', 'be', 'to', 'try', 'tried',
  'trying', 'want', 'wanted', 'need', 'needed', 'able', 'were', 'was', 'is', 'are', 'helped',
  'help', 'helping', 'see', 'seen', 'saw', 'watched', 'watch', 'if', 'since', 'when', 'while',
  "n't", "didn't", "don't", "won't", "haven't", "hasn't", "wasn't", "weren't",
]);

const ADVERBS: ReadonlySet<string> = new Set([
  'completely', 'totally', 'really', 'truly', 'fully', 'finally', 'still', 'squeaky', 'stone',
  'cold', 'perfectly', 'back', 'not', 'never', 'all',
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

const REASON = 'Calling a person or a test “clean” or “dirty” suggests the person is dirty; it is a label, not a description.';

function suggestion(m: MatchContext): string {
  const result = labelsResult(tokensAfter(m.text, m.end, 2));
  const testish = result || tokensBefore(m.text, m.start, 3).some((t) => TEST_NOUNS.has(t.word) || REPORT_VERBS.has(t.word));
  if (m.phrase === 'clean') {
    return testish ? 'Try “tested negative” or “a negative test”.' : 'Try “in recovery” or “not using”.';
  }
  return testish ? 'Try “tested positive” or “a positive test”.' : 'Try “using” or “had used”.';
}

export const CLEAN_DIRTY_LABEL_RULES: readonly PhraseRule[] = [
  {
    rule: 'label',
    pattern: /\b(?:clean|dirty)\b/gi,
    accept: isLabel,
    reason: REASON,
    suggestion,
  },
];
