import { NextResponse } from 'next/server';
import { RunActionSchema } from '@/lib/schemas/run';
import { authedRoute, readJson } from '@/server/http/route';
import { act, currentRun } from '@/server/run/actions';
import { runScope } from '@/server/run/scope';

/**
 * The attempt's run as the caller may see it (null before the first one), with the server's
 * clock: a phone that was offline asks here to catch up.
 */
export const GET = authedRoute(async (_req, ctx, principal) => {
  const scope = await runScope(ctx, principal);
  return NextResponse.json({ run: await currentRun(scope), now: Date.now() });
});

/** One move: the interventionist leads (start, next, playbooks, signals, outcome, end); a relative may ask to step out. */
export const POST = authedRoute(async (req, ctx, principal) => {
  const scope = await runScope(ctx, principal);
  const action = await readJson(req, RunActionSchema);
  return NextResponse.json({ run: await act(scope, action), now: Date.now() });
});
