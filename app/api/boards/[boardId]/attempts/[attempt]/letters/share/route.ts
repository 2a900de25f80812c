import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireAttempt } from '@/server/attempts/attempts';
import { setLettersShared } from '@/server/letters/letters';
import { authedRoute, param, readJson } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

const ShareSchema = z.object({ shared: z.boolean() });

export const PUT = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'letters.share-own');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  const { shared } = await readJson(req, ShareSchema);
  await setLettersShared(principal, boardId, attempt.number, shared);
  return NextResponse.json({ shared });
});
