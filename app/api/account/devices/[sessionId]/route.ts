import { NextResponse } from 'next/server';
import { signOutDevice } from '@/server/auth/devices';
import { authedRoute, param } from '@/server/http/route';

/** Signs one of one's own devices out; its live connections are cut at once. */
export const DELETE = authedRoute(async (_req, ctx, principal) => {
  await signOutDevice(principal, await param(ctx, 'sessionId'));
  return new NextResponse(null, { status: 204 });
});
