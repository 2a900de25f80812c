import { NextResponse } from 'next/server';
import { createBoard, listBoards } from '@/server/boards/boards';
import { CreateBoardSchema } from '@/lib/schemas/boards';
import { authedRoute, readJson } from '@/server/http/route';

export const GET = authedRoute(async (_req, _ctx, principal) => {
  return NextResponse.json({ boards: await listBoards(principal.userId) });
});

export const POST = authedRoute(async (req, _ctx, principal) => {
  const { title } = await readJson(req, CreateBoardSchema);
  return NextResponse.json({ board: await createBoard(principal, title) }, { status: 201 });
});
