import { z } from 'zod';

/** The article's five ways an intervention goes wrong, as a checklist. */
export const WENT_WRONG = [
  'under-influence',
  'led-with-emotion',
  'walked-out',
  'aggressive',
  'refused-treatment',
] as const;
export const OUTCOMES = ['', 'accepted', 'refused', 'left', 'aggressive', 'postponed'] as const;

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

export const EMPTY_DEBRIEF: Debrief = { outcome: '', wentWrong: [], details: '', participantNotes: {}, lessons: '' };
