import { NextResponse } from 'next/server';
import { membersSeenBy } from '@/server/boards/members';
import { authedRoute, param } from '@/server/http/route';
import { can, requireBoardAction } from '@/server/permissions';

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  const role = await requireBoardAction(principal, boardId, 'board.view');
  return NextResponse.json({ members: await membersSeenBy(boardId, can(role, 'members.manage')) });
});
