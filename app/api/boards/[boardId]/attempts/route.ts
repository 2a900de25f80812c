import { NextResponse } from 'next/server';
import { stageNextAttempt } from '@/server/attempts/stage';
import { authedRoute, param } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

/** Stages another intervention from the latest attempt, which is frozen for review. */
export const POST = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'attempts.stage');
  return NextResponse.json(await stageNextAttempt(principal, boardId), { status: 201 });
});
