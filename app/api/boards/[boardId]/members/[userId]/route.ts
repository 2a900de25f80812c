import { NextResponse } from 'next/server';
import { changeRole, removeMember } from '@/server/boards/members';
import { ChangeRoleSchema } from '@/lib/schemas/boards';
import { authedRoute, param, readJson } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

export const PATCH = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'members.manage');
  const { role } = await readJson(req, ChangeRoleSchema);
  await changeRole(principal, boardId, await param(ctx, 'userId'), role);
  return NextResponse.json({ ok: true });
});

export const DELETE = authedRoute(async (_req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'members.manage');
  await removeMember(principal, boardId, await param(ctx, 'userId'));
  return new NextResponse(null, { status: 204 });
});
