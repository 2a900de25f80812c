import { NextResponse } from 'next/server';
import { acceptInvite } from '@/server/boards/invites';
import { authedRoute, param } from '@/server/http/route';

export const POST = authedRoute(async (_req, ctx, principal) => {
  return NextResponse.json(await acceptInvite(principal, await param(ctx, 'token')));
});
