import { NextResponse } from 'next/server';
import { boardAuditLog } from '@/lib/audit';
import { authedRoute, param } from '@/lib/http/route';
import { requireBoardAction } from '@/lib/permissions';

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'audit.view');
  return NextResponse.json({ entries: await boardAuditLog(boardId) });
});
