import type { Tx } from '../db/immediate';

/**
 * Bumps the board's access version, inside the transaction of the change that narrows access
 * (a role, a removal, an unshared letter, a freeze), so that the two commit together. The
 * process serving the board checks the version with each append (postgres-storage.ts): a
 * write arriving after the change committed is refused until its sockets were checked again.
 */
export async function narrowAccess(tx: Tx, boardId: string): Promise<void> {
  await tx
    .updateTable('boards')
    .set((eb) => ({ access_version: eb('access_version', '+', 1) }))
    .where('id', '=', boardId)
    .execute();
}
