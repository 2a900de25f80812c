import { formatDocName } from '../../lib/doc-names';
import { lettersToJSON } from '../../lib/plan/doc-json';
import type { LetterName } from '../../lib/records';
import { countWords, readingSeconds } from '../../lib/tone/reading-time';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { docAccess, reviewVisible } from '../permissions';
import { rebuildAtSeq } from '../update-log/rebuild';

/**
 * The text of a letter as someone is shown it on the day:
 * - `approved`: the text the interventionist approved (the letters document at that moment),
 *   `changedSince` when it was edited afterwards;
 * - `draft`: not approved (yet): the text as it is now;
 * - `shared`: a letter the reader may read only because its writer shared it: the text as it is
 *   now, and nothing about its review, which stays between the writer and the interventionists;
 * - `empty`: nothing written.
 */
export interface LetterText {
  status: 'approved' | 'draft' | 'shared' | 'empty';
  changedSince: boolean;
  text: string;
  words: number;
  /** At about 150 words a minute (lib/tone/reading-time.ts); the guide asks for about two minutes. */
  readingSeconds: number;
}

export type ParticipantLetters = Record<LetterName, LetterText>;

async function textAt(docName: string, seq: number): Promise<Record<LetterName, string>> {
  const rebuilt = await rebuildAtSeq(db().kysely, docName, seq);
  try {
    return lettersToJSON(rebuilt.doc);
  } finally {
    rebuilt.doc.destroy();
  }
}

function shown(status: LetterText['status'], text: string, changedSince = false): LetterText {
  const words = countWords(text);
  return {
    status: text.trim() === '' ? 'empty' : status,
    changedSince,
    text,
    words,
    readingSeconds: readingSeconds(words),
  };
}

/**
 * A participant's two letters as `reader` may see them, or null when the reader may not open
 * that letters document at all (another member's unshared letters): then nothing of them, not
 * even their length, leaves the server.
 */
export async function lettersFor(
  reader: Pick<Principal, 'userId'>,
  boardId: string,
  attempt: number,
  ownerId: string,
): Promise<ParticipantLetters | null> {
  const docName = formatDocName({ kind: 'letters', boardId, attempt, ownerId });
  if ((await docAccess(reader, docName)) === 'none') return null;
  const now = await textAt(docName, Number.MAX_SAFE_INTEGER);
  if (!(await reviewVisible(reader, docName))) {
    return { impact: shown('shared', now.impact), bottomLine: shown('shared', now.bottomLine) };
  }
  const reviews = await db()
    .kysely.selectFrom('letter_reviews')
    .select(['letter', 'status', 'approved_seq'])
    .where('board_id', '=', boardId)
    .where('attempt', '=', attempt)
    .where('user_id', '=', ownerId)
    .execute();
  const one = async (letter: LetterName): Promise<LetterText> => {
    const review = reviews.find((r) => r.letter === letter);
    if (review?.status !== 'approved' || review.approved_seq === null) return shown('draft', now[letter]);
    const approved = (await textAt(docName, review.approved_seq))[letter];
    return shown('approved', approved, approved !== now[letter]);
  };
  return { impact: await one('impact'), bottomLine: await one('bottomLine') };
}
