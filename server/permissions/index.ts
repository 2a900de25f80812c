import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import type { Role } from '../../lib/roles';
import { parseDocName } from '../../lib/doc-names';
import { forbidden, notFound } from '../http/errors';
import { isId } from '../../lib/ids';
import { type BoardAction, can, type DocAccess, decideDocAccess } from '../../lib/permissions/rules';

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

/** The one function that decides what a caller may do with a Yjs document. */
export async function docAccess(principal: Pick<Principal, 'userId'>, docName: string): Promise<DocAccess> {
  const doc = parseDocName(docName);
  if (!doc) return 'none';
  const role = await boardRole(principal.userId, doc.boardId);
  if (role === null) return 'none';
  let attemptExists = false;
  let attemptFrozen = false;
  let lettersShared = false;
  if (doc.kind !== 'notes') {
    const attempt = await db()
      .kysely.selectFrom('attempts')
      .select('frozen_at')
      .where('board_id', '=', doc.boardId)
      .where('number', '=', doc.attempt)
      .executeTakeFirst();
    attemptExists = attempt !== undefined;
    attemptFrozen = attempt?.frozen_at != null;
  }
  if (doc.kind === 'letters') {
    const share = await db()
      .kysely.selectFrom('letter_shares')
      .select('shared_at')
      .where('board_id', '=', doc.boardId)
      .where('attempt', '=', doc.attempt)
      .where('user_id', '=', doc.ownerId)
      .executeTakeFirst();
    lettersShared = share !== undefined;
  }
  return decideDocAccess(principal.userId, doc, { role, attemptExists, attemptFrozen, lettersShared });
}
