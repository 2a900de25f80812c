import { NextResponse } from 'next/server';
import { AnswerQuestionSchema } from '@/lib/schemas/questions';
import { authedRoute, param, readJson } from '@/server/http/route';
import { answerQuestion } from '@/server/questions/questions';
import { questionScope } from '@/server/questions/scope';

/** Only interventionists answer; who answered comes from the session. An empty answer reopens it. */
export const PUT = authedRoute(async (req, ctx, principal) => {
  const scope = await questionScope(ctx, principal);
  const id = await param(ctx, 'questionId');
  const { answer } = await readJson(req, AnswerQuestionSchema);
  return NextResponse.json({ question: await answerQuestion(scope, id, answer) });
});
