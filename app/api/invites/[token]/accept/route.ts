import { NextResponse } from 'next/server';
import { acceptInvite } from '@/server/boards/invite-claims';
import { authedRoute, param } from '@/server/http/route';

/** Claims the invite for this account; it joins once an interventionist approves it. */
export const POST = authedRoute(async (_req, ctx, principal) => {
  return NextResponse.json({ invite: await acceptInvite(principal, await param(ctx, 'token')) });
});
