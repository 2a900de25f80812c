import { db } from './db/connection';

/** Who did what, when: every sign-in and every change to membership, invites and boards. */
export async function audit(entry: {
  action: string;
  userId: string | null;
  boardId?: string | null;
  detail?: Record<string, unknown>;
}): Promise<void> {
  await db()
    .kysely.insertInto('audit_log')
    .values({
      action: entry.action,
      user_id: entry.userId,
      board_id: entry.boardId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      at: Date.now(),
    })
    .execute();
}

export interface AuditEntry {
  action: string;
  userId: string | null;
  userName: string | null;
  detail: Record<string, unknown>;
  at: number;
}

export async function boardAuditLog(boardId: string, limit = 200): Promise<AuditEntry[]> {
  const rows = await db()
    .kysely.selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.action', 'audit_log.user_id', 'users.name', 'audit_log.detail', 'audit_log.at'])
    .where('audit_log.board_id', '=', boardId)
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    action: row.action,
    userId: row.user_id,
    userName: row.name,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    at: row.at,
  }));
}
