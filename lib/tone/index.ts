/** Tone check for intervention letters: guidance the writer may dismiss, never censorship. */
export { checkLetter } from './check-letter';
export { checkBottomLine } from './check-bottom-line';
export { applyRewrite } from './text/rewrite';
export { WORDS_PER_MINUTE } from './reading-time';
export { MAX_WORDS } from './elements/missing-elements';
export type {
  BottomLineCheck,
  LetterElement,
  LetterKind,
  MissingElement,
  ToneFlag,
  ToneReport,
  ToneRewrite,
  ToneRule,
} from './types';
