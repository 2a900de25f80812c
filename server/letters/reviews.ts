import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import type { LetterName, ReviewDecision, ReviewStatus } from '../../lib/records';
import { formatDocName } from '../../lib/doc-names';
import { publish } from '../events/bus';
import { lettersToJSON } from '../../lib/plan/doc-json';
import { lastSeq, rebuildAtSeq } from '../update-log/rebuild';
import { conflict } from '../http/errors';
import { reviewVisible } from '../permissions';
import { reviewRefusal, submitRefusal } from './review-rules';

export interface LetterReview {
  ownerId: string;
  letter: LetterName;
  status: ReviewStatus;
  comment: string;
  updatedAt: number;
  /** An approved letter whose text has changed since the approval. */
  changedSinceApproval: boolean;
}

function lettersDoc(boardId: string, attempt: number, ownerId: string): string {
  return formatDocName({ kind: 'letters', boardId, attempt, ownerId });
}

/** The letter's text at a sequence number of its document's log (clamped to its end), and that number. */
async function letterAt(docName: string, letter: LetterName, seq: number): Promise<{ seq: number; text: string }> {
  const rebuilt = await rebuildAtSeq(db().kysely, docName, seq);
  try {
    return { seq: rebuilt.seq, text: lettersToJSON(rebuilt.doc)[letter] };
  } finally {
    rebuilt.doc.destroy();
  }
}

async function letterTextAt(docName: string, letter: LetterName, seq: number): Promise<string> {
  return (await letterAt(docName, letter, seq)).text;
}

/**
 * Approval is compared against the document's state at approval time (rebuilt from the log),
 * not against a counter, so an edit that was undone does not count as a change.
 */
async function changedSince(docName: string, letter: LetterName, approvedSeq: number | null): Promise<boolean> {
  if (approvedSeq === null) return false;
  const latest = await lastSeq(db().kysely, docName);
  if (latest <= approvedSeq) return false;
  return (await letterTextAt(docName, letter, approvedSeq)) !== (await letterTextAt(docName, letter, latest));
}

async function upsert(
  boardId: string,
  attempt: number,
  ownerId: string,
  letter: LetterName,
  values: { status: ReviewStatus; comment: string; approved_seq: number | null; updated_by: string },
): Promise<void> {
  const row = { board_id: boardId, attempt, user_id: ownerId, letter, ...values, updated_at: Date.now() };
  await db()
    .kysely.insertInto('letter_reviews')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['board_id', 'attempt', 'user_id', 'letter']).doUpdateSet({
        status: row.status,
        comment: row.comment,
        approved_seq: row.approved_seq,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

async function currentStatus(
  boardId: string,
  attempt: number,
  ownerId: string,
  letter: LetterName,
): Promise<ReviewStatus | null> {
  const row = await db()
    .kysely.selectFrom('letter_reviews')
    .select('status')
    .where('board_id', '=', boardId)
    .where('attempt', '=', attempt)
    .where('user_id', '=', ownerId)
    .where('letter', '=', letter)
    .executeTakeFirst();
  return row?.status ?? null;
}

function announce(boardId: string, ownerId: string, detail: Record<string, unknown>): void {
  // Review status is private to the letter's owner and the interventionists.
  publish({
    type: 'board-changed',
    boardId,
    topic: 'letters',
    audience: { kind: 'private', userIds: [ownerId] },
    detail,
  });
}

/** The writer submits a letter for review; a blank letter is refused (409) and nothing changes. */
export async function submitLetter(
  principal: Principal,
  boardId: string,
  attempt: number,
  letter: LetterName,
): Promise<void> {
  const { text } = await letterAt(lettersDoc(boardId, attempt, principal.userId), letter, Number.MAX_SAFE_INTEGER);
  const refusal = submitRefusal(text);
  if (refusal) throw conflict(refusal);
  await upsert(boardId, attempt, principal.userId, letter, {
    status: 'submitted',
    comment: '',
    approved_seq: null,
    updated_by: principal.userId,
  });
  await audit({ action: 'letter.submitted', userId: principal.userId, boardId, detail: { attempt, letter } });
  announce(boardId, principal.userId, { ownerId: principal.userId, attempt, letter, status: 'submitted' });
  // Told as a question is: who, never what (a notice can show on a screen someone else sees).
  publish({
    type: 'notify',
    boardId,
    to: { kind: 'interventionists', except: principal.userId },
    kind: 'letter-submitted',
    from: principal.name,
  });
}

/**
 * The interventionist decides the letter's current submission: only a letter submitted (and
 * not yet decided) whose text is not blank now, else a 409 and nothing changes. An approval
 * records the log position whose text it approved.
 */
export async function reviewLetter(
  principal: Principal,
  boardId: string,
  attempt: number,
  ownerId: string,
  letter: LetterName,
  decision: ReviewDecision,
  comment: string,
): Promise<void> {
  const current = await letterAt(lettersDoc(boardId, attempt, ownerId), letter, Number.MAX_SAFE_INTEGER);
  const refusal = reviewRefusal(await currentStatus(boardId, attempt, ownerId, letter), current.text);
  if (refusal) throw conflict(refusal);
  // Only a row still waiting for review is decided: a second decision that raced this one
  // finds it decided already.
  const updated = await db()
    .kysely.updateTable('letter_reviews')
    .set({
      status: decision,
      comment,
      approved_seq: decision === 'approved' ? current.seq : null,
      updated_by: principal.userId,
      updated_at: Date.now(),
    })
    .where('board_id', '=', boardId)
    .where('attempt', '=', attempt)
    .where('user_id', '=', ownerId)
    .where('letter', '=', letter)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    throw conflict(
      reviewRefusal(await currentStatus(boardId, attempt, ownerId, letter), current.text) ??
        'This letter was just reviewed. Reload to see the decision.',
    );
  await audit({
    action: `letter.${decision}`,
    userId: principal.userId,
    boardId,
    detail: { attempt, letter, ownerId },
  });
  announce(boardId, ownerId, { ownerId, attempt, letter, status: decision });
}

/** Reviews the caller may see: of their own letters, or every one for an interventionist. */
export async function listReviews(principal: Principal, boardId: string, attempt: number): Promise<LetterReview[]> {
  const rows = await db()
    .kysely.selectFrom('letter_reviews')
    .selectAll()
    .where('board_id', '=', boardId)
    .where('attempt', '=', attempt)
    .execute();
  const visible = new Map<string, boolean>();
  const out: LetterReview[] = [];
  for (const row of rows) {
    const docName = lettersDoc(boardId, attempt, row.user_id);
    if (!visible.has(docName)) visible.set(docName, await reviewVisible(principal, docName));
    if (!visible.get(docName)) continue;
    out.push({
      ownerId: row.user_id,
      letter: row.letter,
      status: row.status,
      comment: row.comment,
      updatedAt: row.updated_at,
      changedSinceApproval: row.status === 'approved' && (await changedSince(docName, row.letter, row.approved_seq)),
    });
  }
  return out;
}
