import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import type { LetterName, ReviewStatus } from '../../lib/records';
import { formatDocName } from '../../lib/doc-names';
import { publish } from '../events/bus';
import { lettersToJSON } from '../../lib/plan/doc-json';
import { lastSeq, rebuildAtSeq } from '../update-log/rebuild';
import { docAccess } from '../permissions';

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

/** The letter's text at a sequence number of its document's log. */
function letterTextAt(docName: string, letter: LetterName, seq: number): string {
  const rebuilt = rebuildAtSeq(db().sqlite, docName, seq);
  try {
    return lettersToJSON(rebuilt.doc)[letter];
  } finally {
    rebuilt.doc.destroy();
  }
}

/**
 * Approval is compared against the document's state at approval time (rebuilt from the log),
 * not against a counter, so an edit that was undone does not count as a change.
 */
function changedSince(docName: string, letter: LetterName, approvedSeq: number | null): boolean {
  if (approvedSeq === null) return false;
  const latest = lastSeq(db().sqlite, docName);
  if (latest <= approvedSeq) return false;
  return letterTextAt(docName, letter, approvedSeq) !== letterTextAt(docName, letter, latest);
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

export async function submitLetter(
  principal: Principal,
  boardId: string,
  attempt: number,
  letter: LetterName,
): Promise<void> {
  await upsert(boardId, attempt, principal.userId, letter, {
    status: 'submitted',
    comment: '',
    approved_seq: null,
    updated_by: principal.userId,
  });
  await audit({ action: 'letter.submitted', userId: principal.userId, boardId, detail: { attempt, letter } });
  announce(boardId, principal.userId, { ownerId: principal.userId, letter, status: 'submitted' });
}

export async function reviewLetter(
  principal: Principal,
  boardId: string,
  attempt: number,
  ownerId: string,
  letter: LetterName,
  decision: 'approved' | 'changes-requested',
  comment: string,
): Promise<void> {
  const docName = lettersDoc(boardId, attempt, ownerId);
  const approvedSeq = decision === 'approved' ? lastSeq(db().sqlite, docName) : null;
  await upsert(boardId, attempt, ownerId, letter, {
    status: decision,
    comment,
    approved_seq: approvedSeq,
    updated_by: principal.userId,
  });
  await audit({
    action: `letter.${decision}`,
    userId: principal.userId,
    boardId,
    detail: { attempt, letter, ownerId },
  });
  announce(boardId, ownerId, { ownerId, letter, status: decision });
}

/** Reviews of the letters this caller may read (decided per document by docAccess). */
export async function listReviews(principal: Principal, boardId: string, attempt: number): Promise<LetterReview[]> {
  const rows = await db()
    .kysely.selectFrom('letter_reviews')
    .selectAll()
    .where('board_id', '=', boardId)
    .where('attempt', '=', attempt)
    .execute();
  const readable = new Map<string, boolean>();
  const out: LetterReview[] = [];
  for (const row of rows) {
    const docName = lettersDoc(boardId, attempt, row.user_id);
    if (!readable.has(docName)) readable.set(docName, (await docAccess(principal, docName)) !== 'none');
    if (!readable.get(docName)) continue;
    out.push({
      ownerId: row.user_id,
      letter: row.letter,
      status: row.status,
      comment: row.comment,
      updatedAt: row.updated_at,
      changedSinceApproval: row.status === 'approved' && changedSince(docName, row.letter, row.approved_seq),
    });
  }
  return out;
}
