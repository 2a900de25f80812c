import { NextResponse } from 'next/server';
import { acceptInvite } from '@/lib/boards/invites';
import { authedRoute, param } from '@/lib/http/route';

export const POST = authedRoute(async (_req, ctx, principal) => {
  return NextResponse.json(await acceptInvite(principal, await param(ctx, 'token')));
});
