import type BetterSqlite3 from 'better-sqlite3';
import { newId } from '../ids';

/**
 * Copies attempt `from`'s open questions (not answered, not withdrawn) to attempt `to`, with the
 * same asker and time asked, so a question nobody answered is not lost when the next attempt is
 * staged; answered ones stay with the attempt they belong to, for its review. Synchronous, so
 * that staging can run it inside the transaction that copies the plan. Returns how many.
 */
export function copyOpenQuestions(sqlite: BetterSqlite3.Database, boardId: string, from: number, to: number): number {
  const open = sqlite
    .prepare<[string, number], { asked_by: string; question: string; created_at: number; edited_at: number | null }>(
      `SELECT asked_by, question, created_at, edited_at FROM questions
       WHERE board_id = ? AND attempt = ? AND withdrawn_at IS NULL AND answer = ''
       ORDER BY created_at, id`,
    )
    .all(boardId, from);
  const insert = sqlite.prepare(
    `INSERT INTO questions (id, board_id, attempt, asked_by, question, answer, created_at, edited_at)
     VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
  );
  for (const row of open) insert.run(newId(), boardId, to, row.asked_by, row.question, row.created_at, row.edited_at);
  return open.length;
}
