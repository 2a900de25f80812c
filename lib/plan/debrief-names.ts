/**
 * The names of the debrief document's top-level types (lib/plan/debrief.ts), apart from Yjs so
 * that pages rendered on the server (the history's labels) can name them without loading it.
 */
export const DEBRIEF_MAP = 'debrief';
export const WENT_WRONG_SET = 'debrief.wentWrong';
export const NOTE_PREFIX = 'debrief.note.';
