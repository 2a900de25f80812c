import type { Generated } from 'kysely';
import type { AttendanceDecision, Confirmation, LetterName, ReviewStatus } from '../../lib/records';
import type { Role } from '../../lib/roles';

/** Table shapes for the query layer. Times are milliseconds since the epoch. */

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  /** The browser's User-Agent at sign-in (at most 512 characters), to tell devices apart. */
  user_agent: Generated<string>;
  /** When the person last used this device (activity reported by its pages), null: not since sign-in. */
  last_seen_at: number | null;
  /** 1: signed in as a shared or family computer (ends when idle, keeps nothing in the browser). */
  shared: Generated<number>;
}

export interface BoardsTable {
  id: string;
  title: string;
  created_by: string;
  created_at: number;
  /** Bumped by every change that narrows access (migration 10, server/boards/access-version.ts). */
  access_version: Generated<number>;
}

export interface MembershipsTable {
  board_id: string;
  user_id: string;
  role: Role;
  created_at: number;
  /** When they last opened the board (ms), null: not since this was recorded. */
  last_opened_at: Generated<number | null>;
}

export interface InvitesTable {
  id: string;
  board_id: string;
  token_hash: string;
  role: Role;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  /** Who claimed the invite (accepting it); they join only once an interventionist approves. */
  used_by: string | null;
  revoked_at: number | null;
  /** Who the invite is for, in the inviter's words ("Aunt Pat"). */
  label: Generated<string>;
  decision: 'approved' | 'refused' | null;
  decided_by: string | null;
  decided_at: number | null;
}

/** Someone opened a sensitive section of the board (lib/plan/sensitive-sections.ts). */
export interface SectionViewsTable {
  id: Generated<number>;
  board_id: string;
  user_id: string;
  section: string;
  at: number;
}

export interface AttemptsTable {
  board_id: string;
  number: number;
  created_at: number;
  frozen_at: number | null;
}

export interface LetterSharesTable {
  board_id: string;
  attempt: number;
  user_id: string;
  shared_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  board_id: string | null;
  user_id: string | null;
  action: string;
  detail: string;
  at: number;
}

export interface DocUpdatesTable {
  doc: string;
  seq: number;
  at: number;
  user_id: string;
  bytes: Uint8Array;
}

export interface DocCheckpointsTable {
  doc: string;
  seq: number;
  at: number;
  /** One: `state` is the update; more: length-prefixed updates (server/update-log/checkpoint-parts.ts). */
  state: Uint8Array;
  parts: Generated<number>;
}

export interface LetterReviewsTable {
  board_id: string;
  attempt: number;
  user_id: string;
  letter: LetterName;
  status: ReviewStatus;
  comment: string;
  /** The letters document's last logged sequence number when it was approved. */
  approved_seq: number | null;
  updated_by: string;
  updated_at: number;
}

export interface ReadinessTable {
  board_id: string;
  attempt: number;
  user_id: string;
  attending: Confirmation;
  /** null: not asked (someone who holds no bottom lines, the interventionist). */
  holding: Confirmation | null;
  note: string;
  updated_at: number;
}

export interface AttendanceDecisionsTable {
  board_id: string;
  attempt: number;
  user_id: string;
  decision: AttendanceDecision;
  decided_by: string;
  decided_at: number;
}

/** A named moment of the board ("plan as rehearsed"): a label on a point in time. */
export interface VersionsTable {
  id: string;
  board_id: string;
  attempt: number;
  label: string;
  at: number;
  created_by: string;
  created_at: number;
}

export interface DebriefsTable {
  board_id: string;
  attempt: number;
  outcome: string;
  /** JSON array of what went wrong (the article's five plus free entries). */
  went_wrong: string;
  details: string;
  /** JSON object: participant user id -> note. */
  participant_notes: string;
  lessons: string;
  updated_by: string;
  updated_at: number;
}

/** A question to the interventionist; who asked and who answered come from the session. */
export interface QuestionsTable {
  id: string;
  board_id: string;
  attempt: number;
  asked_by: string;
  question: string;
  answer: string;
  answered_by: string | null;
  answered_at: number | null;
  created_at: number;
  edited_at: number | null;
  /** Withdrawn questions are kept (an undo brings one back) but no longer listed. */
  withdrawn_at: number | null;
  withdrawn_by: string | null;
}

/** A run of an attempt on the day, or a rehearsal of it (docs/realtime.md, section 13). */
export interface RunsTable {
  id: string;
  board_id: string;
  attempt: number;
  rehearsal: 0 | 1;
  time_zone: string;
  started_by: string | null;
  started_at: number;
  ended_at: number | null;
  /** The last event already written into the attempt's debrief (real runs only). */
  debriefed_seq: number;
}

/** One moment of a run; `detail` is the event as JSON (lib/run/types.ts), checked when read. */
export interface RunEventsTable {
  run_id: string;
  seq: number;
  at: number;
  user_id: string | null;
  kind: string;
  detail: string;
}

/** Which process serves a board's documents, until when (migration 9, server/sync/board-leases.ts). */
export interface BoardLeasesTable {
  board_id: string;
  /** The serving sync process, one id per start. */
  owner: string;
  /** host:port where the other processes reach it. */
  address: string;
  /** Grows by one at every change of owner; appends are fenced by it. */
  epoch: number;
  /** The database's clock, ms since the epoch. */
  expires_at: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  boards: BoardsTable;
  memberships: MembershipsTable;
  invites: InvitesTable;
  attempts: AttemptsTable;
  letter_shares: LetterSharesTable;
  audit_log: AuditLogTable;
  doc_updates: DocUpdatesTable;
  doc_checkpoints: DocCheckpointsTable;
  letter_reviews: LetterReviewsTable;
  readiness: ReadinessTable;
  attendance_decisions: AttendanceDecisionsTable;
  versions: VersionsTable;
  debriefs: DebriefsTable;
  questions: QuestionsTable;
  section_views: SectionViewsTable;
  runs: RunsTable;
  run_events: RunEventsTable;
  board_leases: BoardLeasesTable;
}
