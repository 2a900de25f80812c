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
  'generalisation' | 'blame' | 'disguised-you' | 'group-voice' | 'hearsay' | 'label' | 'threat' | 'name-calling';

/**
 * A one-tap rewording, offered only where it is mechanical: a label to person-first words ("an
 * addict" to "a person with an addiction"), "you made me feel" to "I felt", "we all think" to
 * "I think". It may cover more than the flagged phrase (the article before a label), so it has
 * its own offsets into the checked text.
 */
export interface ToneRewrite {
  start: number;
  end: number;
  /** text.slice(start, end): lets a UI check the letter has not changed under it since. */
  replaces: string;
  /** What to put in its place. */
  text: string;
}

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
  /** A rewording idea, or the explanation when there is no mechanical rewrite. */
  suggestion: string;
  /** Present only when the rewording is mechanical and can be accepted in one tap. */
  rewrite?: ToneRewrite;
}

export type LetterElement = 'loving-opening' | 'specific-incident' | 'feeling-word' | 'clear-request' | 'length';

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
