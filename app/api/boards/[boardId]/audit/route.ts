import { NextResponse } from 'next/server';
import { boardAuditLog } from '@/server/audit';
import { authedRoute, param } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'audit.view');
  return NextResponse.json({ entries: await boardAuditLog(boardId) });
});
