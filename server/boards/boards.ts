import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db, truncateWal } from '../db/connection';
import { transact } from '../db/immediate';
import type { Role } from '../../lib/roles';
import { publish, publishSettled } from '../events/bus';
import { badRequest } from '../http/errors';
import { newId } from '../ids';
import { purgeBoardDocuments } from './purge';

export interface BoardSummary {
  id: string;
  title: string;
  role: Role;
  createdAt: number;
}

export async function createBoard(principal: Principal, title: string): Promise<BoardSummary> {
  const id = newId();
  const now = Date.now();
  await transact(async (tx) => {
    await tx.insertInto('boards').values({ id, title, created_by: principal.userId, created_at: now }).execute();
    await tx
      .insertInto('memberships')
      .values({ board_id: id, user_id: principal.userId, role: 'interventionist', created_at: now })
      .execute();
    await tx.insertInto('attempts').values({ board_id: id, number: 1, created_at: now, frozen_at: null }).execute();
  });
  await audit({ action: 'board.created', userId: principal.userId, boardId: id, detail: { title } });
  return { id, title, role: 'interventionist', createdAt: now };
}

export async function listBoards(userId: string): Promise<BoardSummary[]> {
  const rows = await db()
    .kysely.selectFrom('memberships')
    .innerJoin('boards', 'boards.id', 'memberships.board_id')
    .select(['boards.id', 'boards.title', 'memberships.role', 'boards.created_at'])
    .where('memberships.user_id', '=', userId)
    .orderBy('boards.created_at', 'desc')
    .execute();
  return rows.map((row) => ({ id: row.id, title: row.title, role: row.role, createdAt: row.created_at }));
}

export interface AttemptSummary {
  number: number;
  createdAt: number;
  frozenAt: number | null;
}

export interface BoardDetail {
  id: string;
  title: string;
  createdAt: number;
  attempts: AttemptSummary[];
}

export async function getBoard(boardId: string): Promise<BoardDetail | null> {
  const board = await db().kysely.selectFrom('boards').selectAll().where('id', '=', boardId).executeTakeFirst();
  if (!board) return null;
  const attempts = await db()
    .kysely.selectFrom('attempts')
    .select(['number', 'created_at', 'frozen_at'])
    .where('board_id', '=', boardId)
    .orderBy('number')
    .execute();
  return {
    id: board.id,
    title: board.title,
    createdAt: board.created_at,
    attempts: attempts.map((a) => ({ number: a.number, createdAt: a.created_at, frozenAt: a.frozen_at })),
  };
}

/**
 * Deletes the board with its records, documents and update log, all in one transaction: a crash
 * part-way leaves the board whole, never records gone and letters or notes left behind. The
 * title must be typed back. Deletion deletes: the connections zero what they delete
 * (secure_delete, server/db/connection.ts), and once the sync process has dropped the board's
 * rooms and purged again, the write-ahead log, which still holds the pages as they were, is
 * emptied into the file, so that none of the board's text is left in either.
 */
export async function deleteBoard(principal: Principal, boardId: string, confirmTitle: string): Promise<void> {
  const deleted = await transact(async (tx) => {
    const board = await tx.selectFrom('boards').select('title').where('id', '=', boardId).executeTakeFirst();
    if (!board) return false;
    if (confirmTitle.trim() !== board.title) {
      throw badRequest('Type the board name exactly to confirm.', { confirmTitle: ['Does not match the board name.'] });
    }
    await tx.deleteFrom('audit_log').where('board_id', '=', boardId).execute();
    // The board's other records go with it (ON DELETE CASCADE).
    await tx.deleteFrom('boards').where('id', '=', boardId).execute();
    await purgeBoardDocuments(boardId, tx);
    return true;
  });
  if (!deleted) return;
  await audit({ action: 'board.deleted', userId: principal.userId, detail: { boardId } });
  // The realtime server drops the board's live rooms, purges once more and empties its log
  // (server/sync/main.ts); this waits for it, then empties the log as this process sees it.
  await publishSettled({ type: 'board-deleted', boardId }).catch((error: unknown) =>
    console.error('board deletion: the realtime server did not confirm', error),
  );
  publish({ type: 'access-changed', boardId });
  if (!(await truncateWal())) console.error('board deletion: the write-ahead log could not be emptied yet');
}
