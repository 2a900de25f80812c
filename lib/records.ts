import { LETTER_FIELDS, type LetterField } from './plan/schema';

// The values that records of letters and readiness take, listed once: the database's types,
// the API's schemas and the pages take them from here (the CHECK constraints are in migration 3).

/** A participant's two letters, each a field of their letters document. */
export const LETTER_NAMES = LETTER_FIELDS;
export type LetterName = LetterField;

export const REVIEW_STATUSES = ['submitted', 'approved', 'changes-requested'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
/** What the interventionist may decide about a submitted letter. */
export const REVIEW_DECISIONS = ['approved', 'changes-requested'] as const satisfies readonly ReviewStatus[];
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const CONFIRMATIONS = ['yes', 'unsure', 'no'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

export const ATTENDANCE_DECISIONS = ['attends', 'letter-read', 'home'] as const;
export type AttendanceDecision = (typeof ATTENDANCE_DECISIONS)[number];
