import { db } from '../db/connection';

/**
 * Removes every stored document (update log and checkpoints) of a board. Called inside
 * deleteBoard's transaction (it becomes a savepoint of it), and again once the realtime server has
 * dropped the board's rooms.
 */
export function purgeBoardDocuments(boardId: string): void {
  const from = `board/${boardId}/`;
  // '0' is the character after '/', so this range holds exactly the names under the prefix.
  const to = `board/${boardId}0`;
  const sqlite = db().sqlite;
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM doc_updates WHERE doc >= ? AND doc < ?').run(from, to);
    sqlite.prepare('DELETE FROM doc_checkpoints WHERE doc >= ? AND doc < ?').run(from, to);
  })();
}
