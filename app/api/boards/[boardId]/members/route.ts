import { NextResponse } from 'next/server';
import { listMembers } from '@/lib/boards/members';
import { authedRoute, param } from '@/lib/http/route';
import { requireBoardAction } from '@/lib/permissions';

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'board.view');
  return NextResponse.json({ members: await listMembers(boardId) });
});
