import { NextResponse } from 'next/server';
import { authedRoute } from '@/server/http/route';
import { buildSheet } from '@/server/run/sheet';
import { runScope } from '@/server/run/scope';

/**
 * What run mode keeps on screen, built for the caller: the running order, the letters they may
 * read, the playbooks, the safety plan, treatment and escort. Asked again when a phone is back
 * online, since the plan may have changed meanwhile.
 */
export const GET = authedRoute(async (_req, ctx, principal) => {
  const scope = await runScope(ctx, principal);
  return NextResponse.json({ sheet: await buildSheet(principal, scope.boardId, scope.attempt.number) });
});
