/**
 * What a letter should contain, per kind. Reported as gentle advice, never as an error.
 *
 * Impact letter (read to the loved one during the intervention):
 * - loving-opening: a warm word within the first 60 words;
 * - specific-incident: at least one date or concrete moment;
 * - feeling-word: the writer says how they felt;
 * - clear-request: one sentence asks for help to be accepted today;
 * - length: no more than 300 words (about two minutes read aloud).
 *
 * Bottom-line letter (read only if help is refused):
 * - loving-opening: love anywhere in the letter, not necessarily first: a bottom line is often
 *   short and the love sits inside it ("I love you too much to keep paying for this");
 * - clear-request: it does not ask; it must state the writer's own action ("I will ...", "I will
 *   no longer ..."), so that is what this element checks;
 * - length: no more than 150 words (about a minute), since it is read at the hardest moment;
 * - no specific incident or feeling word is expected: it looks forward, not back.
 */
import { offsetAfterWords } from '../text/tokens';
import { FEELING_WORDS } from '../lexicon/feelings';
import type { LetterKind, MissingElement } from '../types';
import { hasSpecificIncident } from './incident';
import { hasLove, OPENING_WORDS } from './loving-opening';
import { hasOwnActionStatement, hasRequestForHelpToday } from './request';

export const MAX_WORDS: Readonly<Record<LetterKind, number>> = {
  impact: 300,
  'bottom-line': 150,
};

interface ElementCheck {
  element: MissingElement['element'];
  present: (text: string, wordCount: number) => boolean;
  advice: string;
}

const IMPACT_CHECKS: readonly ElementCheck[] = [
  {
    element: 'loving-opening',
    present: (text) => hasLove(text.slice(0, offsetAfterWords(text, OPENING_WORDS))),
    advice: 'Open with love, so it is the first thing they hear: “I love you, and I’m proud of …”.',
  },
  {
    element: 'specific-incident',
    present: hasSpecificIncident,
    advice: 'Describe one specific moment, with a date or occasion: “Last Christmas, you …”, “On March 3rd …”.',
  },
  {
    element: 'feeling-word',
    present: (text) => FEELING_WORDS.test(text),
    advice: 'Say how it made you feel, in one word if you can: worried, hurt, scared, lonely …',
  },
  {
    element: 'clear-request',
    present: hasRequestForHelpToday,
    advice: 'End by asking plainly: “Will you accept the help we’ve arranged, today?”',
  },
  {
    element: 'length',
    present: (_text, wordCount) => wordCount <= MAX_WORDS.impact,
    advice: `Try to keep it to about ${MAX_WORDS.impact} words, so it can be read aloud in about two minutes.`,
  },
];

const BOTTOM_LINE_CHECKS: readonly ElementCheck[] = [
  {
    element: 'loving-opening',
    present: hasLove,
    advice: 'Let them hear you still love them: “I love you too much to keep …”.',
  },
  {
    element: 'clear-request',
    present: hasOwnActionStatement,
    advice: 'State what you will do if they refuse help: “I will no longer …”.',
  },
  {
    element: 'length',
    present: (_text, wordCount) => wordCount <= MAX_WORDS['bottom-line'],
    advice: `Keep it short, about ${MAX_WORDS['bottom-line']} words at most: it is read at the hardest moment.`,
  },
];

const CHECKS: Readonly<Record<LetterKind, readonly ElementCheck[]>> = {
  impact: IMPACT_CHECKS,
  'bottom-line': BOTTOM_LINE_CHECKS,
};

/** `text` is the letter with quoted speech masked: a quoted "I love you" is not the writer's. */
export function findMissingElements(text: string, kind: LetterKind, wordCount: number): MissingElement[] {
  return CHECKS[kind]
    .filter((check) => !check.present(text, wordCount))
    .map(({ element, advice }) => ({ element, advice }));
}
