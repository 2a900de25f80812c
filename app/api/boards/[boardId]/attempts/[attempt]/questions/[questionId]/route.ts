import { NextResponse } from 'next/server';
import { EditQuestionSchema } from '@/lib/schemas/questions';
import { authedRoute, param, readJson } from '@/server/http/route';
import { editQuestion, withdrawQuestion } from '@/server/questions/questions';
import { questionScope } from '@/server/questions/scope';

/** Only the person who asked rewords a question. */
export const PATCH = authedRoute(async (req, ctx, principal) => {
  const scope = await questionScope(ctx, principal);
  const id = await param(ctx, 'questionId');
  const { question } = await readJson(req, EditQuestionSchema);
  return NextResponse.json({ question: await editQuestion(scope, id, question) });
});

/** The person who asked withdraws it (an interventionist may remove any); restore undoes it. */
export const DELETE = authedRoute(async (_req, ctx, principal) => {
  const scope = await questionScope(ctx, principal);
  await withdrawQuestion(scope, await param(ctx, 'questionId'));
  return new NextResponse(null, { status: 204 });
});
