import { NextResponse } from 'next/server';
import { listMembers } from '@/server/boards/members';
import { authedRoute, param } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'board.view');
  return NextResponse.json({ members: await listMembers(boardId) });
});
