import type { LetterName, ReviewStatus } from '../records';

/**
 * Where the participants' letters stand, as the readiness API tells one person: the writers
 * whose review status they may see (the interventionist: everyone; a relative: themselves) and,
 * for the others, only how many still have a letter to hand in. Writers are the relatives who
 * take part (the interventionist writes none), except those the interventionist decided stay home.
 */
export interface LetterProgress {
  /** How many writers there are in all, listed or not. */
  expected: number;
  writers: LetterWriter[];
  /** Writers not listed (their review status is private to them) who still have a letter to submit. */
  othersOutstanding: number;
}

export interface LetterWriter {
  userId: string;
  name: string;
  /** Each letter's review status; null: never submitted. */
  letters: Record<LetterName, ReviewStatus | null>;
}

/** A letter counts once it is with the interventionist or approved; one sent back for changes does not. */
export function isHandedIn(status: ReviewStatus | null): boolean {
  return status === 'submitted' || status === 'approved';
}

export function isOutstanding(writer: Pick<LetterWriter, 'letters'>): boolean {
  return !isHandedIn(writer.letters.impact) || !isHandedIn(writer.letters.bottomLine);
}

const LETTER_WORDS: Record<LetterName, string> = { impact: 'impact letter', bottomLine: 'bottom-line letter' };

/** What one writer still owes, in a line: "Jordan: impact letter sent back for changes; bottom-line letter not submitted". */
export function outstandingLine(writer: LetterWriter): string | null {
  const parts = (['impact', 'bottomLine'] as const)
    .filter((letter) => !isHandedIn(writer.letters[letter]))
    .map(
      (letter) =>
        `${LETTER_WORDS[letter]} ${writer.letters[letter] === 'changes-requested' ? 'sent back for changes' : 'not submitted'}`,
    );
  return parts.length === 0 ? null : `${writer.name}: ${parts.join('; ')}`;
}
