import { NextResponse } from 'next/server';
import { decideInvite } from '@/server/boards/invites';
import { InviteDecisionSchema } from '@/lib/schemas/boards';
import { authedRoute, param, readJson } from '@/server/http/route';
import { requireBoardAction } from '@/server/permissions';

/** Approves or refuses the account that used an invite link (`{ decision }`). */
export const PUT = authedRoute(async (req, ctx, principal) => {
  const boardId = await param(ctx, 'boardId');
  await requireBoardAction(principal, boardId, 'invites.manage');
  const { decision } = await readJson(req, InviteDecisionSchema);
  await decideInvite(principal, boardId, await param(ctx, 'inviteId'), decision);
  return NextResponse.json({ decision });
});
