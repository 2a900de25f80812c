import { NextResponse } from 'next/server';
import { createBoard, listBoards } from '@/lib/boards/boards';
import { CreateBoardSchema } from '@/lib/boards/schemas';
import { authedRoute, readJson } from '@/lib/http/route';

export const GET = authedRoute(async (_req, _ctx, principal) => {
  return NextResponse.json({ boards: await listBoards(principal.userId) });
});

export const POST = authedRoute(async (req, _ctx, principal) => {
  const { title } = await readJson(req, CreateBoardSchema);
  return NextResponse.json({ board: await createBoard(principal, title) }, { status: 201 });
});
