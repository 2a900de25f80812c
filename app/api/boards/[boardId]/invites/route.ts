import { NextResponse } from 'next/server';
import { createInvite, listInvites } from '@/server/boards/invites';
import { CreateInviteSchema } from '@/lib/schemas/boards';
import { authedRoute, param, readJson } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

export const GET = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'invites.manage');
  return NextResponse.json({ invites: await listInvites(boardId, { links: true }) });
});

export const POST = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'invites.manage');
  const input = await readJson(req, CreateInviteSchema);
  const { invite, token } = await createInvite(principal, boardId, input);
  return NextResponse.json({ invite, token, url: invite.link }, { status: 201 });
});
