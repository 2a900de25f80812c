import { type Debrief, DebriefSchema, EMPTY_DEBRIEF } from '../../lib/schemas/debrief';
import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { publish } from '../events/bus';

export async function getDebrief(boardId: string, attempt: number): Promise<Debrief & { updatedAt: number | null }> {
  const row = await db()
    .kysely.selectFrom('debriefs')
    .selectAll()
    .where('board_id', '=', boardId)
    .where('attempt', '=', attempt)
    .executeTakeFirst();
  if (!row) return { ...EMPTY_DEBRIEF, updatedAt: null };
  const parsed = DebriefSchema.safeParse({
    outcome: row.outcome,
    wentWrong: JSON.parse(row.went_wrong) as unknown,
    details: row.details,
    participantNotes: JSON.parse(row.participant_notes) as unknown,
    lessons: row.lessons,
  });
  return { ...(parsed.success ? parsed.data : EMPTY_DEBRIEF), updatedAt: row.updated_at };
}

export async function saveDebrief(
  principal: Principal,
  boardId: string,
  attempt: number,
  debrief: Debrief,
): Promise<void> {
  const values = {
    outcome: debrief.outcome,
    went_wrong: JSON.stringify(debrief.wentWrong),
    details: debrief.details,
    participant_notes: JSON.stringify(debrief.participantNotes),
    lessons: debrief.lessons,
    updated_by: principal.userId,
    updated_at: Date.now(),
  };
  await db()
    .kysely.insertInto('debriefs')
    .values({ board_id: boardId, attempt, ...values })
    .onConflict((oc) => oc.columns(['board_id', 'attempt']).doUpdateSet(values))
    .execute();
  await audit({
    action: 'debrief.saved',
    userId: principal.userId,
    boardId,
    detail: { attempt, outcome: debrief.outcome },
  });
  publish({ type: 'board-changed', boardId, topic: 'debrief', audience: { kind: 'board' }, detail: { attempt } });
}
