import { ROLES, type Role } from '../roles';
import type { DocName } from '../doc-names';

/**
 * The rules of who may do what, as pure functions. Every route handler, the Yjs server and the
 * socket.io channel decide through server/permissions (which gathers the facts and calls these),
 * and the pages are handed the answers as abilities (./abilities.ts); there is no second copy of
 * the rules anywhere.
 */
export type DocAccess = 'none' | 'read' | 'write';

export const BOARD_ACTIONS = [
  'board.view',
  'board.delete',
  'board.export',
  'members.manage',
  'invites.manage',
  'audit.view',
  'attempts.freeze',
  'letters.share-own',
  'letters.submit-own',
  'letters.review',
  'readiness.confirm-own',
  'bottom-lines.hold-own',
  'readiness.view-all',
  'attendance.decide',
  'versions.create',
  'attempts.stage',
  'history.view',
  'debrief.edit',
  'questions.ask',
  'questions.answer',
  'channel.interventionists',
  'questions.remove-any',
  'visits.view',
  'run.drive',
  'run.step-out',
  'run.signals',
  'packets.print-all',
  'overview.guide',
] as const;
export type BoardAction = (typeof BOARD_ACTIONS)[number];

const EVERYONE: readonly Role[] = ROLES;
const INTERVENTIONIST: readonly Role[] = ['interventionist'];
const PARTICIPANTS: readonly Role[] = ['interventionist', 'family'];
const RELATIVES: readonly Role[] = ['family'];

const ACTION_ROLES: Record<BoardAction, readonly Role[]> = {
  'board.view': EVERYONE,
  'board.delete': INTERVENTIONIST,
  // Each member exports what they may read: every part of the export asks the rules again.
  'board.export': EVERYONE,
  'members.manage': INTERVENTIONIST,
  'invites.manage': INTERVENTIONIST,
  'audit.view': INTERVENTIONIST,
  'attempts.freeze': INTERVENTIONIST,
  'letters.share-own': PARTICIPANTS,
  'letters.submit-own': PARTICIPANTS,
  'letters.review': INTERVENTIONIST,
  'readiness.confirm-own': PARTICIPANTS,
  // Relatives hold bottom lines and write the letters read on the day; the interventionist
  // guides them and has neither, so is not asked to confirm any nor counted as owing letters.
  'bottom-lines.hold-own': RELATIVES,
  'readiness.view-all': INTERVENTIONIST,
  'attendance.decide': INTERVENTIONIST,
  'versions.create': INTERVENTIONIST,
  'attempts.stage': INTERVENTIONIST,
  // Which documents' history a person sees is decided per document by docAccess.
  'history.view': EVERYONE,
  'debrief.edit': PARTICIPANTS,
  'questions.ask': PARTICIPANTS,
  'questions.answer': INTERVENTIONIST,
  // The board channel's interventionists' room: private record events of every member
  // (invites, unshared letters, everyone's readiness) and the questions asked.
  'channel.interventionists': INTERVENTIONIST,
  // Whoever answers also looks after the list (a question that names the date, say); editing
  // someone else's words is never allowed: it would put words in their mouth (./questions.ts).
  'questions.remove-any': INTERVENTIONIST,
  // When each member last opened the board, who opened the logistics and the safety plan.
  'visits.view': INTERVENTIONIST,
  // Run mode on the day (docs/realtime.md, section 13): the interventionist leads; the team's
  // phones receive the silent signals, and a relative may ask to step out (viewers read along).
  'run.drive': INTERVENTIONIST,
  'run.step-out': RELATIVES,
  'run.signals': PARTICIPANTS,
  // Anyone prints their own packet; everyone's, for handing out, is the interventionist's.
  'packets.print-all': INTERVENTIONIST,
  // The boards listed on someone's overview of the families they guide.
  'overview.guide': INTERVENTIONIST,
};

export function can(role: Role | null, action: BoardAction): boolean {
  return role !== null && ACTION_ROLES[action].includes(role);
}

/** Participants write letters, hold bottom lines and check in; viewers only read along. */
export function isParticipant(role: Role | null): boolean {
  return role !== null && PARTICIPANTS.includes(role);
}

/** What the server knows about a document's board when it decides access. */
export interface DocFacts {
  /** The caller's role on the board, or null when not a member (or the board does not exist). */
  role: Role | null;
  /** For plan, letters and debrief documents: whether that attempt exists, and whether it is frozen. */
  attemptExists: boolean;
  attemptFrozen: boolean;
  /** For letters documents: whether their owner has shared them with the team. */
  lettersShared: boolean;
  /**
   * For letters documents: their owner's role on the board, found by the exact id in the name
   * (null when nobody on the board has that id). Only a participant has letters.
   */
  lettersOwnerRole: Role | null;
}

export function decideDocAccess(userId: string, doc: DocName, facts: DocFacts): DocAccess {
  const { role } = facts;
  if (role === null) return 'none';
  switch (doc.kind) {
    case 'notes':
      return role === 'interventionist' ? 'write' : 'none';
    case 'plan':
      if (!facts.attemptExists) return 'none';
      if (role === 'viewer' || facts.attemptFrozen) return 'read';
      return 'write';
    case 'letters': {
      // Letters named after a viewer, an outsider or nobody do not exist: nobody may fill them
      // with text that account would find waiting when it joins.
      if (!facts.attemptExists || !isParticipant(facts.lettersOwnerRole)) return 'none';
      const writable = facts.attemptFrozen ? 'read' : 'write';
      if (doc.ownerId === userId) return role === 'viewer' ? 'none' : writable;
      if (role === 'interventionist') return writable;
      return facts.lettersShared ? 'read' : 'none';
    }
    case 'debrief':
      // The debrief happens after the intervention, so freezing the attempt does not close it.
      if (!facts.attemptExists) return 'none';
      return can(role, 'debrief.edit') ? 'write' : 'read';
  }
}

/**
 * Where the part of a document's history a caller may read begins. Letters read only because
 * their owner shared them are seen from the moment they were (last) shared: the drafts before
 * it stay between the writer and the interventionists. Null when the caller may not read the
 * document at all.
 */
export type HistoryStart = 'beginning' | 'last-shared';

export function decideHistoryStart(userId: string, doc: DocName, facts: DocFacts): HistoryStart | null {
  if (decideDocAccess(userId, doc, facts) === 'none') return null;
  if (doc.kind !== 'letters' || doc.ownerId === userId || facts.role === 'interventionist') return 'beginning';
  return 'last-shared';
}

/**
 * A letter's review (status and the interventionist's comments) belongs to its writer and the
 * interventionists, even when the letters themselves are shared with the team.
 */
export function canSeeReview(userId: string, doc: DocName, facts: DocFacts): boolean {
  if (doc.kind !== 'letters' || decideDocAccess(userId, doc, facts) === 'none') return false;
  return doc.ownerId === userId || facts.role === 'interventionist';
}
