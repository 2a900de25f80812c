import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireNotFrozen } from '@/lib/boards/attempt-guard';
import { requireAttempt } from '@/lib/boards/attempts';
import { authedRoute, param, readJson } from '@/lib/http/route';
import { requireBoardAction } from '@/lib/permissions';
import { decideAttendance } from '@/lib/readiness/readiness';

const DecisionSchema = z.object({ decision: z.enum(['attends', 'letter-read', 'home']) });

export const PUT = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'attendance.decide');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  requireNotFrozen(attempt);
  const { decision } = await readJson(req, DecisionSchema);
  await decideAttendance(principal, boardId, attempt.number, await param(ctx, 'userId'), decision);
  return NextResponse.json({ decision });
});
