/**
 * Generalisations: "always", "never", "every time", "constantly".
 *
 * What the rule is for: sweeping claims about the loved one's behaviour ("you never come home",
 * "it's always about you") invite an argument about the exceptions instead of being heard.
 * The same words in the writer's own promises are exactly what a loving letter should say
 * ("I will never stop loving you", "I never want to lose you"), so the rule is:
 *
 * Flag the word only when its clause is about the loved one, meaning:
 * - the nearest subject before it (skipping auxiliaries like "will", "have", "just") is "you"
 *   ("you never", "you've always", "why do you always"), or a noun owned by them ("your
 *   drinking always comes first"); or
 * - the subject is impersonal ("it", "there", "that") and the rest of the clause mentions them
 *   ("it's always about you"); or
 * - the word opens its clause and the first person named after it is them ("every time you
 *   drink", "never once did you call").
 * Never flag when:
 * - the subject is the writer or the family ("I will never", "we'll always be here");
 * - the word is negated ("you don't always", "you haven't always been like this"): "not
 *   always" is the opposite of a generalisation;
 * - the clause is loving or reassuring ("you will always be my son", "you're always welcome");
 * - the sweeping words praise them (lexicon/praise.ts): "you never forgot my birthday", "you
 *   always knew how to cheer me up", "you were always the one who kept us all laughing";
 * - the word is part of a threatened loss ("if you drink again, you'll never see the kids"):
 *   that is a threat (rules/ultimatums.ts), and one warning with the right advice is enough.
 *
 * Intensified forms count too: "each and every weekend", "every single time", "every last
 * time", "each time", "all the time". They usually come after the verb ("you lie to me every
 * single time"), so for them the clause is about the loved one when it opens with "you" (or
 * "your ..."), or, when the phrase opens the clause, when the first person named after it is
 * them ("each and every weekend you disappear"). Plain "every weekend" is left alone: it is as
 * often a fact ("you had the kids every other weekend") as a sweeping claim.
 */
import { clauseAround, contrastSegment, SUBJECT_BREAKS } from '../text/clause';
import { tokenize, type Token } from '../text/tokens';
import { AUXILIARIES, FIRST_PERSON, SECOND_PERSON_ANY, SECOND_PERSON_SUBJECTS, isNegator } from '../lexicon/pronouns';
import { isInsideThreatenedLoss } from '../lexicon/consequences';
import { isAlwaysPraise, isNeverPraise } from '../lexicon/praise';
import { isWarm } from '../lexicon/warmth';
import type { MatchContext, PhraseRule } from './rule';

/** Words that sit before the verb; other matches are intensified phrases that follow it. */
const BEFORE_VERB: ReadonlySet<string> = new Set(['always', 'never', 'constantly']);

/** Words that may open a clause before its subject: "why do you ...", "so you ...". */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['why', 'how', 'so', 'then', 'now', 'and', 'oh', 'honestly']);

const IMPERSONAL: ReadonlySet<string> = new Set([
  'it',
  "it's",
  'its',
  'there',
  "there's",
  'this',
  'that',
  "that's",
  'nothing',
  'everything',
]);

function firstPersonNamed(tokens: readonly Token[]): 'writer' | 'loved-one' | undefined {
  for (const t of tokens) {
    if (SECOND_PERSON_ANY.has(t.word)) return 'loved-one';
    if (FIRST_PERSON.has(t.word)) return 'writer';
  }
  return undefined;
}

/** For phrases after the verb: does the clause open with the loved one as its subject? */
function clauseOpensWithLovedOne(fromStart: readonly Token[]): boolean {
  let i = 0;
  while (
    i < fromStart.length &&
    (CLAUSE_OPENERS.has(fromStart[i]?.word ?? '') || AUXILIARIES.has(fromStart[i]?.word ?? ''))
  )
    i++;
  const subject = fromStart[i]?.word;
  return subject !== undefined && (SECOND_PERSON_SUBJECTS.has(subject) || subject === 'your');
}

function isAboutLovedOne(m: MatchContext): boolean {
  const clause = clauseAround(m.text, m.start, m.end, SUBJECT_BREAKS);
  const before = tokenize(m.text, clause.start, m.start).reverse();
  const after = tokenize(m.text, m.end, clause.end);
  const nearest = before[0];
  if (nearest !== undefined && isNegator(nearest.word) && nearest.word !== 'never') return false;
  if (!BEFORE_VERB.has(m.phrase)) {
    if (nearest === undefined) return firstPersonNamed(after) === 'loved-one';
    return clauseOpensWithLovedOne([...before].reverse());
  }

  let i = 0;
  while (i < before.length && AUXILIARIES.has(before[i]?.word ?? '')) i++;
  const subject = before[i];
  if (subject === undefined) return firstPersonNamed(after) === 'loved-one';
  if (SECOND_PERSON_SUBJECTS.has(subject.word)) return true;
  if (FIRST_PERSON.has(subject.word)) return false;
  if (before[i + 1]?.word === 'your') return true;
  if (IMPERSONAL.has(subject.word)) return after.some((t) => SECOND_PERSON_ANY.has(t.word));
  return false;
}

function isPraise(m: MatchContext): boolean {
  if (m.phrase === 'never') return isNeverPraise(m.text.slice(m.end, m.end + 60));
  const clause = clauseAround(m.text, m.start, m.end);
  return isAlwaysPraise(m.text.slice(m.end, clause.end));
}

function accept(m: MatchContext): boolean {
  if (!isAboutLovedOne(m) || isPraise(m)) return false;
  // Only "never" is ever part of a loss ("you'll never see the kids"); asking only then also
  // spares compiling the consequence patterns until a letter needs them.
  if (m.phrase === 'never' && isInsideThreatenedLoss(m.text, m.start)) return false;
  const segment = contrastSegment(m.text, m.start, m.end);
  return !isWarm(m.text.slice(segment.start, segment.end));
}

export const GENERALISATION_RULES: readonly PhraseRule[] = [
  {
    rule: 'generalisation',
    pattern:
      /\b(?:always|never|constantly|every\s*time|each\s+(?:and\s+every\s+)?(?:single\s+)?time|each\s+and\s+every\s+(?:single\s+)?[a-z]+|every\s+(?:single|last)\s+[a-z]+|all\s+the\s+time)\b/gi,
    accept,
    reason: 'Sweeping words like this invite an argument about the exceptions instead of being heard.',
    suggestion: 'Describe one specific time instead, e.g. “Last Friday you …”.',
  },
];
