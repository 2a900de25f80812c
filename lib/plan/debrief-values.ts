import type { Debrief } from '../schemas/debrief';

/**
 * The debrief's choices, without the schema that checks them: pages import these, and the schema
 * (lib/schemas/debrief.ts) would bring zod into the browser with them.
 */

/** The article's five ways an intervention goes wrong, as a checklist. */
export const WENT_WRONG = [
  'under-influence',
  'led-with-emotion',
  'walked-out',
  'aggressive',
  'refused-treatment',
] as const;
export const OUTCOMES = ['', 'accepted', 'refused', 'left', 'aggressive', 'postponed'] as const;

export const EMPTY_DEBRIEF: Debrief = { outcome: '', wentWrong: [], details: '', participantNotes: {}, lessons: '' };
