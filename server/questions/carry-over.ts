import type { Tx } from '../db/immediate';
import { newId } from '../ids';

/**
 * Copies attempt `from`'s open questions (not answered, not withdrawn) to attempt `to`, with the
 * same asker and time asked, so a question nobody answered is not lost when the next attempt is
 * staged; answered ones stay with the attempt they belong to, for its review. Takes the query
 * layer, so that staging can run it inside the transaction that copies the plan. Returns how
 * many.
 */
export async function copyOpenQuestions(q: Tx, boardId: string, from: number, to: number): Promise<number> {
  const open = await q
    .selectFrom('questions')
    .select(['asked_by', 'question', 'created_at', 'edited_at'])
    .where('board_id', '=', boardId)
    .where('attempt', '=', from)
    .where('withdrawn_at', 'is', null)
    .where('answer', '=', '')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (open.length === 0) return 0;
  // One statement: an attempt holds at most MAX_QUESTIONS_PER_ATTEMPT (questions.ts), far fewer
  // rows than either database's limit on parameters allows.
  await q
    .insertInto('questions')
    .values(
      open.map((row) => ({
        id: newId(),
        board_id: boardId,
        attempt: to,
        asked_by: row.asked_by,
        question: row.question,
        answer: '',
        created_at: row.created_at,
        edited_at: row.edited_at,
      })),
    )
    .execute();
  return open.length;
}
