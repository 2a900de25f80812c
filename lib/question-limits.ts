/**
 * How long a question to the interventionist and its answer may be. Apart from their schemas
 * (lib/schemas/questions.ts) so that the form's counters do not bring zod into the browser.
 */
export const QUESTION_MAX = 2000;
export const ANSWER_MAX = 4000;
