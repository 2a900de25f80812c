import { NextResponse } from 'next/server';
import { deleteBoard, getBoard } from '@/server/boards/boards';
import { membersSeenBy } from '@/server/boards/members';
import { DeleteBoardSchema } from '@/lib/schemas/boards';
import { notFound } from '@/server/http/errors';
import { authedRoute, param, readJson } from '@/server/http/route';
import { can, requireBoardAction } from '@/server/permissions';

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  const role = await requireBoardAction(principal, boardId, 'board.view');
  const board = await getBoard(boardId);
  if (!board) throw notFound('That board');
  return NextResponse.json({ board, role, members: await membersSeenBy(boardId, can(role, 'members.manage')) });
});

export const DELETE = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'board.delete');
  const { confirmTitle } = await readJson(req, DeleteBoardSchema);
  await deleteBoard(principal, boardId, confirmTitle);
  return new NextResponse(null, { status: 204 });
});
