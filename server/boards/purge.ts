import { transact, type Tx } from '../db/immediate';

/**
 * Removes every stored document (update log and checkpoints) of a board: inside deleteBoard's
 * transaction (pass its `tx`), and again once the realtime server has dropped the board's rooms.
 */
export async function purgeBoardDocuments(boardId: string, tx?: Tx): Promise<void> {
  if (!tx) return transact((inner) => purgeBoardDocuments(boardId, inner));
  const from = `board/${boardId}/`;
  // '0' is the character after '/', so this range holds exactly the names under the prefix.
  const to = `board/${boardId}0`;
  await tx.deleteFrom('doc_updates').where('doc', '>=', from).where('doc', '<', to).execute();
  await tx.deleteFrom('doc_checkpoints').where('doc', '>=', from).where('doc', '<', to).execute();
}
