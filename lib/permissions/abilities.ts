import type { Role } from '../roles';
import { BOARD_ACTIONS, type BoardAction, can, type DocAccess, decideDocAccess } from './rules';

/**
 * What one person may do on one board, answered by the rules below on the server and handed to
 * the pages (as Outline serializes `abilities`), so a page shows exactly the controls the server
 * would accept. No component decides by role: it reads these, and a change of role or a freeze
 * reaches it when the page is rendered again.
 */
export interface BoardAbilities {
  /** Every board action, answered by `can`. */
  can: Readonly<Record<BoardAction, boolean>>;
  /** The plan document of each attempt, by attempt number (a frozen attempt's is read-only). */
  plans: Readonly<Record<number, DocAccess>>;
  /** The interventionists' private notes document. */
  notes: DocAccess;
  /** The debrief document of each attempt, by attempt number (still writable once frozen). */
  debriefs: Readonly<Record<number, DocAccess>>;
}

/** What the abilities depend on, as the server found it. */
export interface BoardFacts {
  role: Role;
  attempts: readonly { number: number; frozen: boolean }[];
}

/** A person's role on a board (shown as a badge) and what it lets them do there. */
export interface BoardStanding {
  role: Role;
  abilities: BoardAbilities;
}

export function abilitiesOf(userId: string, boardId: string, facts: BoardFacts): BoardAbilities {
  const { role } = facts;
  // Typed by its keys: BOARD_ACTIONS is every action, so each one gets an answer.
  const actions = Object.fromEntries(BOARD_ACTIONS.map((action) => [action, can(role, action)])) as Record<
    BoardAction,
    boolean
  >;
  const plans = Object.fromEntries(
    facts.attempts.map((attempt) => [
      attempt.number,
      decideDocAccess(
        userId,
        { kind: 'plan', boardId, attempt: attempt.number },
        { role, attemptExists: true, attemptFrozen: attempt.frozen, lettersShared: false, lettersOwnerRole: null },
      ),
    ]),
  );
  const notes = decideDocAccess(
    userId,
    { kind: 'notes', boardId },
    { role, attemptExists: false, attemptFrozen: false, lettersShared: false, lettersOwnerRole: null },
  );
  const debriefs = Object.fromEntries(
    facts.attempts.map((attempt) => [
      attempt.number,
      decideDocAccess(
        userId,
        { kind: 'debrief', boardId, attempt: attempt.number },
        { role, attemptExists: true, attemptFrozen: attempt.frozen, lettersShared: false, lettersOwnerRole: null },
      ),
    ]),
  );
  return { can: actions, plans, notes, debriefs };
}

/** An attempt the page has not been told about (staged a moment ago) opens nothing until it is. */
export function planAccess(abilities: BoardAbilities, attempt: number): DocAccess {
  return abilities.plans[attempt] ?? 'none';
}

/** Like planAccess, for an attempt's debrief. */
export function debriefAccess(abilities: BoardAbilities, attempt: number): DocAccess {
  return abilities.debriefs[attempt] ?? 'none';
}
