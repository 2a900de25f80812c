import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireAttempt, setAttemptFrozen } from '@/server/attempts/attempts';
import { authedRoute, param, readJson } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

const FreezeSchema = z.object({ frozen: z.boolean() });

export const PUT = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'attempts.freeze');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  const { frozen } = await readJson(req, FreezeSchema);
  await setAttemptFrozen(principal, boardId, attempt.number, frozen);
  return NextResponse.json({ frozen });
});
