import { NextResponse } from 'next/server';
import { boardVisits, recordSectionOpened } from '@/server/boards/visits';
import { authedRoute, param, readJson } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';
import { VisitSchema } from '@/lib/schemas/visits';

/** A member's page opened a sensitive section (`{ section }`); opening the board is recorded by its render. */
export const POST = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'board.view');
  const { section } = await readJson(req, VisitSchema);
  await recordSectionOpened(principal, boardId, section);
  return new NextResponse(null, { status: 204 });
});

/** When each member last opened the board, and who opened the logistics and the safety plan. */
export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'visits.view');
  return NextResponse.json(await boardVisits(boardId));
});
