import { NextResponse } from 'next/server';
import { previewInvite } from '@/server/boards/invite-claims';
import { authedRoute, param } from '@/server/http/route';

/** Signed-in only; names who invited whom, never the board or its plan (invite-claims.ts). */
export const GET = authedRoute(async (_req, ctx, principal) => {
  return NextResponse.json({ invite: await previewInvite(principal, await param(ctx, 'token')) });
});
