/**
 * Public shapes of the tone checker. The checker gives guidance, not censorship: every flag is a
 * warning the writer may dismiss, so each carries a kind reason and a rewording idea.
 */

export type LetterKind = 'impact' | 'bottom-line';

/**
 * What a flag is about. Group voice ("we all think") and hearsay ("Mom told me") share a line in
 * the guide but get separate rules, because the advice differs: speak only for yourself versus
 * tell only what you saw.
 */
export type ToneRule =
  | 'generalisation'
  | 'blame'
  | 'disguised-you'
  | 'group-voice'
  | 'hearsay'
  | 'label'
  | 'threat'
  | 'name-calling';

export interface ToneFlag {
  /** Stable: rule + offset, so a dismissal can be remembered between keystrokes. */
  id: string;
  rule: ToneRule;
  /** Offsets into the checked text: text.slice(start, end) === phrase. */
  start: number;
  end: number;
  phrase: string;
  /** One short, kind sentence. */
  reason: string;
  /** A rewording idea. */
  suggestion: string;
}

export type LetterElement =
  | 'loving-opening'
  | 'specific-incident'
  | 'feeling-word'
  | 'clear-request'
  | 'length';

export interface MissingElement {
  element: LetterElement;
  advice: string;
}

export interface ToneReport {
  flags: ToneFlag[];
  missing: MissingElement[];
  wordCount: number;
  readingSeconds: number;
}

export interface BottomLineCheck {
  ok: boolean;
  reason?: string;
  suggestion?: string;
}
