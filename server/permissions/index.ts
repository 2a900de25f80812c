import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import type { Role } from '../../lib/roles';
import { type DocName, parseDocName } from '../../lib/doc-names';
import { forbidden, notFound } from '../http/errors';
import { isId } from '../../lib/ids';
import {
  type BoardAction,
  can,
  canSeeReview,
  type DocAccess,
  type DocFacts,
  decideDocAccess,
  decideHistoryStart,
} from '../../lib/permissions/rules';

export { can, decideDocAccess, isParticipant } from '../../lib/permissions/rules';
export type { BoardAction, DocAccess, DocFacts } from '../../lib/permissions/rules';

export async function boardRole(userId: string, boardId: string): Promise<Role | null> {
  if (!isId(boardId)) return null;
  const row = await db()
    .kysely.selectFrom('memberships')
    .select('role')
    .where('board_id', '=', boardId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/**
 * Checks that the caller may do `action` on the board and returns their role. A board the
 * caller does not belong to is "not found", never "forbidden", so ids cannot be probed.
 */
export async function requireBoardAction(principal: Principal, boardId: string, action: BoardAction): Promise<Role> {
  const role = await boardRole(principal.userId, boardId);
  if (role === null) throw notFound('That board');
  if (!can(role, action)) throw forbidden();
  return role;
}

/** What the records say about a document, for the rules in lib/permissions. */
interface GatheredFacts {
  doc: DocName;
  facts: DocFacts;
  /** For shared letters: when they were last shared (ms), the moment their team history starts. */
  sharedAt: number | null;
}

/** Null when `docName` is not a document name. */
async function gatherFacts(userId: string, docName: string): Promise<GatheredFacts | null> {
  const doc = parseDocName(docName);
  if (!doc) return null;
  const role = await boardRole(userId, doc.boardId);
  const facts: DocFacts = {
    role,
    attemptExists: false,
    attemptFrozen: false,
    lettersShared: false,
    lettersOwnerRole: null,
  };
  if (role === null) return { doc, facts, sharedAt: null };
  if (doc.kind !== 'notes') {
    const attempt = await db()
      .kysely.selectFrom('attempts')
      .select('frozen_at')
      .where('board_id', '=', doc.boardId)
      .where('number', '=', doc.attempt)
      .executeTakeFirst();
    facts.attemptExists = attempt !== undefined;
    facts.attemptFrozen = attempt?.frozen_at != null;
  }
  let sharedAt: number | null = null;
  if (doc.kind === 'letters') {
    // SQLite compares text exactly (binary collation): an id in other letter case is nobody.
    facts.lettersOwnerRole = doc.ownerId === userId ? role : await boardRole(doc.ownerId, doc.boardId);
    const share = await db()
      .kysely.selectFrom('letter_shares')
      .select('shared_at')
      .where('board_id', '=', doc.boardId)
      .where('attempt', '=', doc.attempt)
      .where('user_id', '=', doc.ownerId)
      .executeTakeFirst();
    facts.lettersShared = share !== undefined;
    sharedAt = share?.shared_at ?? null;
  }
  return { doc, facts, sharedAt };
}

/** The one function that decides what a caller may do with a Yjs document. */
export async function docAccess(principal: Pick<Principal, 'userId'>, docName: string): Promise<DocAccess> {
  const gathered = await gatherFacts(principal.userId, docName);
  if (!gathered) return 'none';
  return decideDocAccess(principal.userId, gathered.doc, gathered.facts);
}

/**
 * Which part of a document's history the caller may read: all of it, or only from the moment
 * (ms) its letters were last shared; null when they may not read the document at all.
 */
export type HistoryScope = { from: 'beginning' } | { from: 'last-shared'; sharedAt: number };

export async function historyScope(
  principal: Pick<Principal, 'userId'>,
  docName: string,
): Promise<HistoryScope | null> {
  const gathered = await gatherFacts(principal.userId, docName);
  if (!gathered) return null;
  const start = decideHistoryStart(principal.userId, gathered.doc, gathered.facts);
  if (start === null) return null;
  if (start === 'beginning') return { from: 'beginning' };
  // A reader from the last sharing only exists while the letters are shared.
  return gathered.sharedAt === null ? null : { from: 'last-shared', sharedAt: gathered.sharedAt };
}

/** Whether the caller may see the review (status, comments) of a letters document's letters. */
export async function reviewVisible(principal: Pick<Principal, 'userId'>, docName: string): Promise<boolean> {
  const gathered = await gatherFacts(principal.userId, docName);
  return gathered !== null && canSeeReview(principal.userId, gathered.doc, gathered.facts);
}
