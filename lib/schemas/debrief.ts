import { z } from 'zod';
import { OUTCOMES, WENT_WRONG } from '../plan/debrief-values';

export const DebriefSchema = z.object({
  outcome: z.enum(OUTCOMES),
  wentWrong: z.array(z.enum(WENT_WRONG)).max(WENT_WRONG.length),
  details: z.string().max(10_000),
  participantNotes: z
    .record(z.string().max(64), z.string().max(4_000))
    .refine((notes) => Object.keys(notes).length <= 50, 'Too many notes.'),
  lessons: z.string().max(10_000),
});
export type Debrief = z.infer<typeof DebriefSchema>;
