import { z } from 'zod';
import { LETTER_NAMES, REVIEW_DECISIONS } from '../records';

export const SubmitLetterSchema = z.object({ letter: z.enum(LETTER_NAMES) });

export const ReviewLetterSchema = z.object({
  letter: z.enum(LETTER_NAMES),
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string().trim().max(4000).default(''),
});
