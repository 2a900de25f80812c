import { NextResponse } from 'next/server';
import { msLeft, touchSession } from '@/server/auth/sessions';
import { authedRoute } from '@/server/http/route';

/**
 * The person used this device: its pages say so on input (at most every 30 s), which is the
 * device list's "last used" and, on a shared computer, what keeps the session from ending idle.
 * Background requests (a page asking again after a change) do not count: they are not a person.
 */
export const POST = authedRoute(async (_req, _ctx, principal) => {
  await touchSession(principal.sessionId);
  return new NextResponse(null, { status: 204 });
});

/** How long the session has left if unused: a shared computer's page ends it when this reaches 0. */
export const GET = authedRoute(async (_req, _ctx, principal) => {
  return NextResponse.json({ shared: principal.shared, msLeft: await msLeft(principal.sessionId) });
});
