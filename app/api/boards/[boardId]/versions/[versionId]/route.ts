import { NextResponse } from 'next/server';
import { deleteVersion } from '@/server/history/versions';
import { authedRoute, param } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

export const DELETE = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'versions.create');
  await deleteVersion(principal, boardId, await param(ctx, 'versionId'));
  return new NextResponse(null, { status: 204 });
});
