import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import type { AttendanceDecision, Confirmation } from '../../lib/records';
import type { LetterProgress } from '../../lib/readiness/letter-progress';
import { publish } from '../events/bus';
import { badRequest, notFound } from '../http/errors';
import { listMembers } from '../boards/members';
import { can, isParticipant } from '../permissions';
import { letterProgress } from './letter-progress';

export interface ReadinessEntry {
  userId: string;
  name: string;
  /** null: has not confirmed yet. */
  attending: Confirmation | null;
  /** null: has not confirmed yet, or is not asked (holdsBottomLines false). */
  holding: Confirmation | null;
  /** Asked "will you hold your bottom lines": relatives, not the interventionist. */
  holdsBottomLines: boolean;
  note: string;
  updatedAt: number | null;
  /** The interventionist's attendance decision for this person, if any. */
  decision: AttendanceDecision | null;
}

export interface ReadinessReport {
  readiness: ReadinessEntry[];
  letters: LetterProgress;
}

/**
 * A participant's check-in. `holdsBottomLines` (from their role) decides whether the bottom-line
 * answer is required or, for someone who holds none, never stored.
 */
export async function confirmReadiness(
  principal: Principal,
  boardId: string,
  attempt: number,
  input: { attending: Confirmation; holding: Confirmation | null; note: string },
  holdsBottomLines: boolean,
): Promise<void> {
  if (holdsBottomLines && input.holding === null) {
    throw badRequest('Say whether you will hold your bottom lines, even if the answer is "not sure yet".');
  }
  const holding = holdsBottomLines ? input.holding : null;
  const row = {
    board_id: boardId,
    attempt,
    user_id: principal.userId,
    attending: input.attending,
    holding,
    note: input.note,
    updated_at: Date.now(),
  };
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
    detail: { attempt, attending: input.attending, holding },
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
  const member = (await listMembers(boardId)).find((m) => m.userId === userId && isParticipant(m.role));
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
 * Participants' check-ins with the interventionist's attendance decisions, and where their
 * letters stand. `onlyUserId` limits what is private to one person: a family member sees their
 * own check-in and letters, everyone's decisions, and how many others still owe letters.
 */
export async function readinessReport(
  boardId: string,
  attempt: number,
  onlyUserId: string | null,
): Promise<ReadinessReport> {
  const participants = (await listMembers(boardId)).filter((m) => isParticipant(m.role));
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
  const reviews = await db()
    .kysely.selectFrom('letter_reviews')
    .select(['user_id', 'letter', 'status'])
    .where('board_id', '=', boardId)
    .where('attempt', '=', attempt)
    .execute();
  const readiness = participants.map((member) => {
    const own = onlyUserId === null || onlyUserId === member.userId;
    const checkin = own ? checkins.find((c) => c.user_id === member.userId) : undefined;
    const holdsBottomLines = can(member.role, 'bottom-lines.hold-own');
    return {
      userId: member.userId,
      name: member.name,
      attending: checkin?.attending ?? null,
      holding: holdsBottomLines ? (checkin?.holding ?? null) : null,
      holdsBottomLines,
      note: checkin?.note ?? '',
      updatedAt: checkin?.updated_at ?? null,
      decision: decisions.find((d) => d.user_id === member.userId)?.decision ?? null,
    };
  });
  return { readiness, letters: letterProgress(participants, decisions, reviews, onlyUserId) };
}
