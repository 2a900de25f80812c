import type { Tx } from '../db/immediate';

/**
 * Bumps the board's access version, inside the transaction of the change that narrows access
 * (a role, a removal, an unshared letter, a freeze), so that the two commit together. The
 * process serving the board on PostgreSQL reads the version with each append
 * (server/update-log/append-fence.ts): a write arriving after the change committed, before its
 * news, has its writers asked of the permission function again before it is stored.
 */
export async function narrowAccess(tx: Tx, boardId: string): Promise<void> {
  await tx
    .updateTable('boards')
    .set((eb) => ({ access_version: eb('access_version', '+', 1) }))
    .where('id', '=', boardId)
    .execute();
}

/** The same for every board the person belongs to: one of their sessions ended. */
export async function narrowAccessOfMember(tx: Tx, userId: string): Promise<void> {
  await tx
    .updateTable('boards')
    .set((eb) => ({ access_version: eb('access_version', '+', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('memberships').select('board_id').where('user_id', '=', userId))
    .execute();
}
