import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { publish } from '../events/bus';
import { notFound } from '../http/errors';
import { newId } from '../ids';

export interface NamedVersion {
  id: string;
  attempt: number;
  label: string;
  /** The moment it names (ms); every document's state at that time belongs to it. */
  at: number;
  createdByName: string | null;
}

export async function createVersion(
  principal: Principal,
  boardId: string,
  attempt: number,
  label: string,
  at: number,
): Promise<NamedVersion> {
  const id = newId();
  await db()
    .kysely.insertInto('versions')
    .values({ id, board_id: boardId, attempt, label, at, created_by: principal.userId, created_at: Date.now() })
    .execute();
  await audit({ action: 'version.created', userId: principal.userId, boardId, detail: { attempt, label } });
  publish({ type: 'board-changed', boardId, topic: 'versions', audience: { kind: 'board' }, detail: { id } });
  return { id, attempt, label, at, createdByName: principal.name };
}

export async function listVersions(boardId: string): Promise<NamedVersion[]> {
  const rows = await db()
    .kysely.selectFrom('versions')
    .leftJoin('users', 'users.id', 'versions.created_by')
    .select(['versions.id', 'versions.attempt', 'versions.label', 'versions.at', 'users.name'])
    .where('versions.board_id', '=', boardId)
    .orderBy('versions.at')
    .execute();
  return rows.map((r) => ({ id: r.id, attempt: r.attempt, label: r.label, at: r.at, createdByName: r.name }));
}

export async function deleteVersion(principal: Principal, boardId: string, id: string): Promise<void> {
  const result = await db()
    .kysely.deleteFrom('versions')
    .where('id', '=', id)
    .where('board_id', '=', boardId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('That version');
  await audit({ action: 'version.deleted', userId: principal.userId, boardId, detail: { id } });
  publish({ type: 'board-changed', boardId, topic: 'versions', audience: { kind: 'board' }, detail: { id } });
}
