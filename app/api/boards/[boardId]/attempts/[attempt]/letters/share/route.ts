import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireAttempt } from '@/lib/boards/attempts';
import { setLettersShared } from '@/lib/boards/letters';
import { authedRoute, param, readJson } from '@/lib/http/route';
import { requireBoardAction } from '@/lib/permissions';

const ShareSchema = z.object({ shared: z.boolean() });

export const PUT = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'letters.share-own');
  const attempt = await requireAttempt(boardId, await param(ctx, 'attempt'));
  const { shared } = await readJson(req, ShareSchema);
  await setLettersShared(principal, boardId, attempt.number, shared);
  return NextResponse.json({ shared });
});
