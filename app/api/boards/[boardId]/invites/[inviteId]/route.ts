import { NextResponse } from 'next/server';
import { revokeInvite } from '@/server/boards/invites';
import { authedRoute, param } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

export const DELETE = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'invites.manage');
  await revokeInvite(principal, boardId, await param(ctx, 'inviteId'));
  return new NextResponse(null, { status: 204 });
});
