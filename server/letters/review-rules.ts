import type { ReviewStatus } from '../../lib/records';

/**
 * When a letter may go to review and when it may be reviewed, as pure rules (the messages are
 * what the 409 says). A review decides one submission: once the interventionist has approved a
 * letter or asked for changes, the letter is back with its writer, and there is nothing to
 * review again until the writer submits it again.
 */

/** A letter with no words in it (spaces and empty paragraphs do not count). */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Why a letter may not be submitted now, or null when it may. */
export function submitRefusal(text: string): string | null {
  return isBlank(text) ? 'There is nothing to submit yet: write the letter first.' : null;
}

/** Why a letter may not be approved or sent back now, or null when it may. */
export function reviewRefusal(status: ReviewStatus | null, text: string): string | null {
  if (status === null) return 'This letter has not been submitted for review yet.';
  if (status !== 'submitted')
    return status === 'approved'
      ? 'This letter is already approved: it can be reviewed again once its writer submits it again.'
      : 'Changes were asked for: this letter can be reviewed again once its writer submits it again.';
  if (isBlank(text)) return 'This letter is empty now: there is nothing to review.';
  return null;
}
