import { NextResponse } from 'next/server';
import { authedRoute, param } from '@/server/http/route';
import { restoreQuestion } from '@/server/questions/questions';
import { questionScope } from '@/server/questions/scope';

/** Undoes a withdrawal, for whoever could withdraw the question. */
export const POST = authedRoute(async (_req, ctx, principal) => {
  const scope = await questionScope(ctx, principal);
  return NextResponse.json({ question: await restoreQuestion(scope, await param(ctx, 'questionId')) });
});
