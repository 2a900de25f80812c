import { NextResponse } from 'next/server';
import { AskQuestionSchema } from '@/lib/schemas/questions';
import { authedRoute, readJson } from '@/server/http/route';
import { mayAskQuestion } from '@/lib/permissions/questions';
import { askQuestion, listQuestions } from '@/server/questions/questions';
import { questionScope } from '@/server/questions/scope';

/** Every member reads the questions and their answers; each comes with what the caller may do. */
export const GET = authedRoute(async (_req, ctx, principal) => {
  const scope = await questionScope(ctx, principal);
  const canAsk = mayAskQuestion({ role: scope.role, attemptFrozen: scope.attempt.frozen });
  return NextResponse.json({ questions: await listQuestions(scope), canAsk });
});

/** Participants ask; the server records who, from the session. */
export const POST = authedRoute(async (req, ctx, principal) => {
  const scope = await questionScope(ctx, principal);
  const { question } = await readJson(req, AskQuestionSchema);
  return NextResponse.json({ question: await askQuestion(scope, question) }, { status: 201 });
});
