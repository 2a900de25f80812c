/** Tone check for intervention letters: guidance the writer may dismiss, never censorship. */
export { checkLetter } from './check-letter';
export { checkBottomLine } from './check-bottom-line';
export { WORDS_PER_MINUTE } from './reading-time';
export { MAX_WORDS } from './elements/missing-elements';
export type {
  BottomLineCheck,
  LetterElement,
  LetterKind,
  MissingElement,
  ToneFlag,
  ToneReport,
  ToneRule,
} from './types';
