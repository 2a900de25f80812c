/**
 * Hearsay said with other words than "told me" (which hearsay.ts covers): "your aunt says
 * you ...", "the neighbours mentioned that you ...", "apparently you ...", "according to your
 * sister, you ...", "I hear you've been ...". Same reason as hearsay.ts: a second-hand account
 * is easy to dispute and pulls the absent person into the room.
 *
 * Flagged when someone else (a name, a relation or person noun, "he", "she", "they", "people")
 * is said to have said something, and the reported part is about the loved one (mentions "you"
 * or "your" before a contrast word). Not flagged:
 * - love or greetings passed on ("your aunt says she misses you", "Grandma says hello"): the
 *   part is warm, or it is not about the loved one;
 * - the loved one's or the writer's own words ("you said you'd stop", "I said I'd drive you"),
 *   "nobody says", "that said,";
 * - facts from someone that are not about the loved one ("the doctor says detox takes a week");
 * - "I hear you" as listening ("I hear you, and I know this is hard"), and "I heard you crying"
 *   (the writer heard it themselves): only "I hear you've / you're / you have ..." is a report;
 * - the group voice ("everyone says"), which group-voice.ts flags.
 */
import { contrastSegment, tokensBefore } from '../text/clause';
import { tokenize } from '../text/tokens';
import { SECOND_PERSON_ANY } from '../lexicon/pronouns';
import { isWarm } from '../lexicon/warmth';
import type { MatchContext, PhraseRule } from './rule';

const REASON = 'Second-hand accounts are easy to dispute; what you saw yourself is not.';
const SUGGESTION = 'Share what you saw or felt yourself, or let that person say it in their own letter.';

const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'mom',
  'mum',
  'mother',
  'dad',
  'father',
  'aunt',
  'auntie',
  'uncle',
  'sister',
  'brother',
  'cousin',
  'grandma',
  'grandpa',
  'granny',
  'nan',
  'nana',
  'grandmother',
  'grandfather',
  'boss',
  'neighbour',
  'neighbours',
  'neighbor',
  'neighbors',
  'friend',
  'friends',
  'teacher',
  'coach',
  'doctor',
  'nurse',
  'wife',
  'husband',
  'son',
  'daughter',
  'kids',
  'children',
  'girlfriend',
  'boyfriend',
  'partner',
  'landlord',
  'coworker',
  'coworkers',
  'colleague',
  'colleagues',
  'pastor',
  'priest',
  'officer',
  'police',
  'manager',
  'roommate',
  'ex',
  'people',
  'he',
  'she',
  'they',
  'someone',
  'somebody',
  'everyone',
  'everybody',
]);

/** Never the teller: the loved one, the writer, the group voice, and "that said". */
const NOT_A_TELLER: ReadonlySet<string> = new Set([
  'you',
  'i',
  'we',
  'everyone',
  'everybody',
  'nobody',
  'no',
  'one',
  'who',
  'what',
  'that',
  'this',
  'it',
  'which',
  'as',
  'like',
  'having',
  'enough',
  'well',
  'needless',
  'said',
  'all',
]);

// "told" only when not "told me/us", which hearsay.ts flags: "your brother told Mom you ...".
const REPORT_VERBS =
  'says|said|say|saying|mentioned|mentions|claims|claimed|tells|told(?!\\s+(?:me|us)\\b)|reckons|swears|swore|insists|insisted|texted|posted|wrote|warned|complained';

function isColdReport(m: MatchContext): boolean {
  const segment = contrastSegment(m.text, m.start, m.end);
  return !isWarm(m.text.slice(segment.start, segment.end));
}

function aboutLovedOne(m: MatchContext): boolean {
  const segment = contrastSegment(m.text, m.start, m.end);
  return isColdReport(m) && tokenize(m.text, m.end, segment.end).some((t) => SECOND_PERSON_ANY.has(t.word));
}

/** The teller is the word before the verb (after an optional "your", "the" ...). */
function someoneElseSaid(m: MatchContext): boolean {
  const words = tokenize(m.text, m.start, m.end);
  const teller = words[words.length - 2];
  if (teller === undefined || NOT_A_TELLER.has(teller.word)) return false;
  const capitalised = /^\p{Lu}/u.test(m.text.slice(teller.start, teller.end));
  if (!PERSON_NOUNS.has(teller.word) && !capitalised) return false;
  if (teller.word === 'everyone' || teller.word === 'everybody') return false;
  // "As you said", "like you said" are the loved one's words even with a name before.
  if (tokensBefore(m.text, m.start, 1)[0]?.word === 'you') return false;
  return aboutLovedOne(m);
}

function accordingToPerson(m: MatchContext): boolean {
  const next = tokenize(m.text, m.end, Math.min(m.text.length, m.end + 40)).slice(0, 2);
  const person = next.find((t) => t.word !== 'your' && t.word !== 'my' && t.word !== 'the' && t.word !== 'our');
  if (person === undefined) return false;
  const named =
    PERSON_NOUNS.has(person.word) || person.word === 'him' || person.word === 'her' || person.word === 'them';
  return (named || /^\p{Lu}/u.test(m.text.slice(person.start, person.end))) && aboutLovedOne(m);
}

export const HEARSAY_REPORT_RULES: readonly PhraseRule[] = [
  {
    rule: 'hearsay',
    // Leading non-letter (or start) instead of \b, as in hearsay.ts, so "Renée says" is whole.
    pattern: new RegExp(
      String.raw`(?:^|[^\p{L}\p{N}'’])((?:(?:your|my|our|the|his|her|their)\s+)?[\p{L}][\p{L}\p{N}'’-]*\s+(?:(?:has|have|had|also|once|already|just|then|even|keeps|kept|always)\s+)?(?:${REPORT_VERBS}))\b`,
      'giu',
    ),
    accept: someoneElseSaid,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'hearsay',
    pattern: /\bapparently\b/gi,
    accept: aboutLovedOne,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'hearsay',
    pattern: /\baccording\s+to\b/gi,
    accept: accordingToPerson,
    reason: REASON,
    suggestion: SUGGESTION,
  },
  {
    rule: 'hearsay',
    pattern:
      /\bI(?:\s+have|['’]ve)?\s+(?:hear|heard)\s+(?:that\s+)?you(?:['’](?:ve|re|d)|\s+(?:have|are|were|had|got|went|lost|took|spent|sold|stole|owe|owed))\b/gi,
    accept: isColdReport,
    reason: REASON,
    suggestion: SUGGESTION,
  },
];
