import { NextResponse } from 'next/server';
import { requireAttempt, requireNotFrozen } from '@/server/attempts/attempts';
import { AttendanceDecisionSchema } from '@/lib/schemas/readiness';
import { authedRoute, param, readJson } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';
import { decideAttendance } from '@/server/readiness/readiness';

export const PUT = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'attendance.decide');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  requireNotFrozen(attempt);
  const { decision } = await readJson(req, AttendanceDecisionSchema);
  await decideAttendance(principal, boardId, attempt.number, await param(ctx, 'userId'), decision);
  return NextResponse.json({ decision });
});
