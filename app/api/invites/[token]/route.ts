import { NextResponse } from 'next/server';
import { previewInvite } from '@/server/boards/invites';
import { authedRoute, param } from '@/server/http/route';

/** Signed-in only: the board's name is not shown to whoever happens to hold the link. */
export const GET = authedRoute(async (_req, ctx) => {
  return NextResponse.json({ invite: await previewInvite(await param(ctx, 'token')) });
});
