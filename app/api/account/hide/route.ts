import { NextResponse } from 'next/server';
import { sessionHidden } from '@/server/auth/hide';
import { authedRoute } from '@/server/http/route';

/** Told by a page as it hides itself; the server decides what the session's kind asks for. */
export const POST = authedRoute(async (_req, _ctx, principal) => {
  return NextResponse.json(await sessionHidden(principal));
});
