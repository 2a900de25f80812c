/**
 * Blame: "you made me", "you make me", "because of you", "your fault".
 *
 * Blame makes people defend themselves instead of listening. But the same openings often carry
 * gratitude ("you made me so proud", "I smile because of you", "it's not your fault"), which is
 * exactly what a loving letter needs, so:
 * - "you made/make me" is not flagged when a good outcome follows within four words;
 * - "because of you" is not flagged when its part of the sentence (cut at "but", "and") is warm
 *   or names a good outcome;
 * - "your fault" is not flagged when negated ("it's not your fault", "none of this is").
 *
 * "You made me feel ..." has a one-tap rewrite, since the feeling is already there and only the
 * blame has to go: "you made me feel" to "I felt", "you make me feel" to "I feel", "you've made
 * me feel" to "I've felt", "you're making me feel" to "I'm feeling", adverbs kept ("you always
 * make me feel" to "I always feel"). Other objects ("you made me lie") need the writer's own
 * words, so they get the suggestion only.
 */
import { contrastSegment, nextWordInClause, tokensAfter, tokensBefore } from '../text/clause';
import { tokenize } from '../text/tokens';
import { isNegator } from '../lexicon/pronouns';
import { isWarm, POSITIVE_OUTCOMES } from '../lexicon/warmth';
import type { MatchContext, PhraseRule, Replacement } from './rule';

const REASON = 'Blame tends to make people defend themselves, and then they stop listening.';
const SUGGESTION = 'Say what happened and how it affected you: “When you …, I felt …”.';

const MADE_ME =
  /^you(?:\s*('ve|'re|have|had|are|keep))?(?:\s+(always|just|really|even|also|still|only|constantly|sometimes))?\s+(made|make|makes|making)\s+me$/u;

/** "I" and the verb, by what stood before "made/make/making" in "you ... me feel". */
const I_FEEL: Readonly<Record<string, string>> = {
  made: 'I felt',
  make: 'I feel',
  makes: 'I feel',
  "'ve made": "I've felt",
  'have made': 'I have felt',
  'had made': 'I had felt',
  "'re making": "I'm feeling",
  'are making': 'I am feeling',
  'keep making': 'I keep feeling',
};

function madeMeFeelRewrite(m: MatchContext): Replacement | undefined {
  const feel = nextWordInClause(m.text, m.end);
  if (feel?.word !== 'feel') return undefined;
  const parts = MADE_ME.exec(m.phrase.replace(/\s+/gu, ' '));
  if (parts === null) return undefined;
  const [, aux, adverb, verb] = parts;
  const form = I_FEEL[aux === undefined ? (verb ?? '') : `${aux} ${verb ?? ''}`];
  if (form === undefined) return undefined;
  // The adverb goes after the first word of the form: "I always feel", "I've always felt".
  const [subject, ...rest] = form.split(' ');
  const text = adverb === undefined ? form : [subject, adverb, ...rest].join(' ');
  return { start: m.start, end: feel.end, text };
}

function madeMeIsBlame(m: MatchContext): boolean {
  return !tokensAfter(m.text, m.end, 4).some((t) => POSITIVE_OUTCOMES.has(t.word));
}

function becauseOfYouIsBlame(m: MatchContext): boolean {
  const segment = contrastSegment(m.text, m.start, m.end);
  const words = m.text.slice(segment.start, segment.end);
  if (isWarm(words)) return false;
  return !tokenize(m.text, segment.start, segment.end).some((t) => POSITIVE_OUTCOMES.has(t.word));
}

const NO_ONE: ReadonlySet<string> = new Set(['none', 'nobody', 'nothing']);

function yourFaultIsBlame(m: MatchContext): boolean {
  return !tokensBefore(m.text, m.start, 4).some((t) => isNegator(t.word) || NO_ONE.has(t.word));
}

export const BLAME_RULES: readonly PhraseRule[] = [
  {
    rule: 'blame',
    pattern:
      /\byou(?:['’]ve|['’]re|\s+have|\s+had|\s+are|\s+keep)?(?:\s+(?:always|just|really|even|also|still|only|constantly|sometimes))?\s+(?:made|make|makes|making)\s+me\b/gi,
    accept: madeMeIsBlame,
    reason: REASON,
    suggestion: SUGGESTION,
    rewrite: madeMeFeelRewrite,
  },
  {
    rule: 'blame',
    pattern: /\bbecause\s+of\s+you\b/gi,
    accept: becauseOfYouIsBlame,
    reason: REASON,
    suggestion: 'Describe the event and your feeling, without saying who caused it.',
  },
  {
    rule: 'blame',
    pattern: /\byour\s+fault\b/gi,
    accept: yourFaultIsBlame,
    reason: REASON,
    suggestion: 'Talk about the illness and its effects rather than fault: “Since the drinking got worse, I …”.',
  },
];
