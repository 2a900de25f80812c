import { NextResponse } from 'next/server';
import { exportBoard } from '@/server/boards/export';
import { authedRoute, param } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'board.export');
  return NextResponse.json(await exportBoard(boardId), {
    headers: { 'content-disposition': 'attachment; filename="board-export.json"', 'cache-control': 'no-store' },
  });
});
