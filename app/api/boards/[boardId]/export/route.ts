import { NextResponse } from 'next/server';
import { exportBoard } from '@/server/boards/export';
import { notFound } from '@/server/http/errors';
import { authedRoute, param } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

/** The board as the caller may read it, as a JSON file (server/boards/export.ts). */
export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  const role = await requireBoardAction(principal, boardId, 'board.export');
  const exported = await exportBoard(principal, role, boardId);
  if (!exported) throw notFound('That board');
  return NextResponse.json(exported, {
    headers: { 'content-disposition': 'attachment; filename="harbor-export.json"' },
  });
});
