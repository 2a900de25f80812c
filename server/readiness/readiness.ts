import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import type { AttendanceDecision, Confirmation } from '../../lib/records';
import { publish } from '../events/bus';
import { notFound } from '../http/errors';
import { listMembers } from '../boards/members';

export interface ReadinessEntry {
  userId: string;
  name: string;
  /** null: has not confirmed yet. */
  attending: Confirmation | null;
  holding: Confirmation | null;
  note: string;
  updatedAt: number | null;
  /** The interventionist's attendance decision for this person, if any. */
  decision: AttendanceDecision | null;
}

export async function confirmReadiness(
  principal: Principal,
  boardId: string,
  attempt: number,
  input: { attending: Confirmation; holding: Confirmation; note: string },
): Promise<void> {
  const row = { board_id: boardId, attempt, user_id: principal.userId, ...input, updated_at: Date.now() };
  await db()
    .kysely.insertInto('readiness')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['board_id', 'attempt', 'user_id'])
        .doUpdateSet({ attending: row.attending, holding: row.holding, note: row.note, updated_at: row.updated_at }),
    )
    .execute();
  await audit({
    action: 'readiness.confirmed',
    userId: principal.userId,
    boardId,
    detail: { attempt, attending: input.attending, holding: input.holding },
  });
  // A wavering answer is between the person and the interventionists.
  publish({
    type: 'board-changed',
    boardId,
    topic: 'readiness',
    audience: { kind: 'private', userIds: [principal.userId] },
    detail: { userId: principal.userId },
  });
}

export async function decideAttendance(
  principal: Principal,
  boardId: string,
  attempt: number,
  userId: string,
  decision: AttendanceDecision,
): Promise<void> {
  const member = (await listMembers(boardId)).find((m) => m.userId === userId && m.role !== 'viewer');
  if (!member) throw notFound('That participant');
  await db()
    .kysely.insertInto('attendance_decisions')
    .values({
      board_id: boardId,
      attempt,
      user_id: userId,
      decision,
      decided_by: principal.userId,
      decided_at: Date.now(),
    })
    .onConflict((oc) =>
      oc
        .columns(['board_id', 'attempt', 'user_id'])
        .doUpdateSet({ decision, decided_by: principal.userId, decided_at: Date.now() }),
    )
    .execute();
  await audit({
    action: 'attendance.decided',
    userId: principal.userId,
    boardId,
    detail: { attempt, member: userId, decision },
  });
  // The decision is the team's to see; the reason stays in the interventionists' notes.
  publish({
    type: 'board-changed',
    boardId,
    topic: 'readiness',
    audience: { kind: 'board' },
    detail: { userId, decision },
  });
}

/**
 * Participants' check-ins with the interventionist's attendance decisions. `onlyUserId` limits
 * it to one person (a family member sees their own check-in and everyone's decisions).
 */
export async function listReadiness(
  boardId: string,
  attempt: number,
  onlyUserId: string | null,
): Promise<ReadinessEntry[]> {
  const participants = (await listMembers(boardId)).filter((m) => m.role !== 'viewer');
  const checkins = await db()
    .kysely.selectFrom('readiness')
    .selectAll()
    .where('board_id', '=', boardId)
    .where('attempt', '=', attempt)
    .execute();
  const decisions = await db()
    .kysely.selectFrom('attendance_decisions')
    .selectAll()
    .where('board_id', '=', boardId)
    .where('attempt', '=', attempt)
    .execute();
  return participants.map((member) => {
    const own = onlyUserId === null || onlyUserId === member.userId;
    const checkin = own ? checkins.find((c) => c.user_id === member.userId) : undefined;
    return {
      userId: member.userId,
      name: member.name,
      attending: checkin?.attending ?? null,
      holding: checkin?.holding ?? null,
      note: checkin?.note ?? '',
      updatedAt: checkin?.updated_at ?? null,
      decision: decisions.find((d) => d.user_id === member.userId)?.decision ?? null,
    };
  });
}
