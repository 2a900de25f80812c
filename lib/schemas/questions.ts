import { z } from 'zod';
import { ANSWER_MAX, QUESTION_MAX } from '../question-limits';

const questionText = z
  .string()
  .trim()
  .min(1, 'Write your question first.')
  .max(QUESTION_MAX, `Keep a question under ${QUESTION_MAX} characters.`);

/**
 * Strict: who asked and who answered come from the session, so a body that names them (or
 * anything else) is refused rather than quietly ignored.
 */
export const AskQuestionSchema = z.strictObject({ question: questionText });
export const EditQuestionSchema = z.strictObject({ question: questionText });
/** An empty answer takes the answer back: the question is open again. */
export const AnswerQuestionSchema = z.strictObject({
  answer: z.string().trim().max(ANSWER_MAX, `Keep an answer under ${ANSWER_MAX} characters.`),
});
