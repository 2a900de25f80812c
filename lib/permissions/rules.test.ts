import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Role } from '../roles';
import type { DocName } from '../doc-names';
import {
  type BoardAction,
  can,
  canSeeReview,
  type DocAccess,
  type DocFacts,
  decideDocAccess,
  decideHistoryStart,
  type HistoryStart,
} from './rules';

const ME = 'user-me-000000000001';
const OTHER = 'user-other-000000002';
const BOARD = 'board-0000000000000001';
const plan: DocName = { kind: 'plan', boardId: BOARD, attempt: 1 };
const myLetters: DocName = { kind: 'letters', boardId: BOARD, attempt: 1, ownerId: ME };
const otherLetters: DocName = { kind: 'letters', boardId: BOARD, attempt: 1, ownerId: OTHER };
const notes: DocName = { kind: 'notes', boardId: BOARD };
const debrief: DocName = { kind: 'debrief', boardId: BOARD, attempt: 1 };

/** Facts about another person's letters (their owner is family unless told otherwise), or a plan or the notes. */
function facts(role: Role | null, overrides: Partial<DocFacts> = {}): DocFacts {
  return {
    role,
    attemptExists: true,
    attemptFrozen: false,
    lettersShared: false,
    lettersOwnerRole: 'family',
    ...overrides,
  };
}

/** Facts about the caller's own letters: their owner's role is the caller's. */
function mine(role: Role | null, overrides: Partial<DocFacts> = {}): DocFacts {
  return facts(role, { lettersOwnerRole: role, ...overrides });
}

describe('decideDocAccess follows the access table in docs/realtime.md', () => {
  const cases: [string, DocName, DocFacts, DocAccess][] = [
    ['interventionist writes the plan', plan, facts('interventionist'), 'write'],
    ['family writes the plan', plan, facts('family'), 'write'],
    ['viewer reads the plan', plan, facts('viewer'), 'read'],
    ['non-member sees nothing of the plan', plan, facts(null), 'none'],
    [
      'frozen plan is read-only for the interventionist',
      plan,
      facts('interventionist', { attemptFrozen: true }),
      'read',
    ],
    ['frozen plan is read-only for family', plan, facts('family', { attemptFrozen: true }), 'read'],
    ['a missing attempt is none', plan, facts('interventionist', { attemptExists: false }), 'none'],
    ['family writes own letters', myLetters, mine('family'), 'write'],
    ['own letters on a frozen attempt are read-only', myLetters, mine('family', { attemptFrozen: true }), 'read'],
    ['a viewer has no letters of their own', myLetters, mine('viewer'), 'none'],
    ["family cannot see another's unshared letters", otherLetters, facts('family'), 'none'],
    ["family reads another's shared letters", otherLetters, facts('family', { lettersShared: true }), 'read'],
    ["viewer cannot see another's unshared letters", otherLetters, facts('viewer'), 'none'],
    ["viewer reads another's shared letters", otherLetters, facts('viewer', { lettersShared: true }), 'read'],
    ["interventionist writes another's letters (review)", otherLetters, facts('interventionist'), 'write'],
    [
      "interventionist reads another's letters when frozen",
      otherLetters,
      facts('interventionist', { attemptFrozen: true }),
      'read',
    ],
    ['non-member sees no letters even when shared', otherLetters, facts(null, { lettersShared: true }), 'none'],
    ['an interventionist writes their own letters', myLetters, mine('interventionist'), 'write'],
    [
      'the interventionist cannot open letters named after a viewer',
      otherLetters,
      facts('interventionist', { lettersOwnerRole: 'viewer' }),
      'none',
    ],
    [
      'the interventionist cannot open letters named after someone not on the board',
      otherLetters,
      facts('interventionist', { lettersOwnerRole: null }),
      'none',
    ],
    [
      'nor those of someone not on the board in a frozen attempt',
      otherLetters,
      facts('interventionist', { lettersOwnerRole: null, attemptFrozen: true }),
      'none',
    ],
    [
      'letters named after a viewer are none even if marked shared',
      otherLetters,
      facts('family', { lettersOwnerRole: 'viewer', lettersShared: true }),
      'none',
    ],
    [
      "family reads an interventionist's shared letters",
      otherLetters,
      facts('family', { lettersShared: true, lettersOwnerRole: 'interventionist' }),
      'read',
    ],
    ['interventionist writes notes', notes, facts('interventionist'), 'write'],
    ['family never sees notes', notes, facts('family'), 'none'],
    ['viewer never sees notes', notes, facts('viewer'), 'none'],
    ['freezing does not lock the notes', notes, facts('interventionist', { attemptFrozen: true }), 'write'],
    ['interventionist writes the debrief', debrief, facts('interventionist'), 'write'],
    ['family writes the debrief', debrief, facts('family'), 'write'],
    ['viewer reads the debrief', debrief, facts('viewer'), 'read'],
    ['non-member sees no debrief', debrief, facts(null), 'none'],
    ['the debrief of a missing attempt is none', debrief, facts('family', { attemptExists: false }), 'none'],
    ['freezing does not close the debrief', debrief, facts('family', { attemptFrozen: true }), 'write'],
    ['a viewer still only reads a frozen debrief', debrief, facts('viewer', { attemptFrozen: true }), 'read'],
  ];
  for (const [name, doc, input, expected] of cases) {
    test(name, () => assert.equal(decideDocAccess(ME, doc, input), expected));
  }
});

describe('decideHistoryStart: how far back a reader of a document sees', () => {
  const cases: [string, DocName, DocFacts, HistoryStart | null][] = [
    ['everyone who reads the plan sees its whole history', plan, facts('viewer'), 'beginning'],
    ['the interventionist sees the whole history of the notes', notes, facts('interventionist'), 'beginning'],
    [
      'the writer sees the whole history of their letters',
      myLetters,
      mine('family', { lettersShared: true }),
      'beginning',
    ],
    [
      "the interventionist sees the whole history of anyone's letters",
      otherLetters,
      facts('interventionist'),
      'beginning',
    ],
    [
      'family see shared letters from their last sharing',
      otherLetters,
      facts('family', { lettersShared: true }),
      'last-shared',
    ],
    [
      'viewers see shared letters from their last sharing',
      otherLetters,
      facts('viewer', { lettersShared: true }),
      'last-shared',
    ],
    [
      'frozen shared letters too',
      otherLetters,
      facts('family', { lettersShared: true, attemptFrozen: true }),
      'last-shared',
    ],
    ['unshared letters: no history at all', otherLetters, facts('family'), null],
    ['notes: no history for family', notes, facts('family'), null],
    [
      'letters of someone not on the board: none',
      otherLetters,
      facts('interventionist', { lettersOwnerRole: null }),
      null,
    ],
    ['not a member: none', plan, facts(null), null],
  ];
  for (const [name, doc, input, expected] of cases) {
    test(name, () => assert.equal(decideHistoryStart(ME, doc, input), expected));
  }
});

describe('canSeeReview: a review belongs to the writer and the interventionists', () => {
  const cases: [string, DocName, DocFacts, boolean][] = [
    ['the writer sees the review of their letters', myLetters, mine('family'), true],
    ['the interventionist sees every review', otherLetters, facts('interventionist'), true],
    ['family reading shared letters do not', otherLetters, facts('family', { lettersShared: true }), false],
    ['viewers reading shared letters do not', otherLetters, facts('viewer', { lettersShared: true }), false],
    ['family do not see reviews of unshared letters', otherLetters, facts('family'), false],
    [
      'nor anyone those of someone not on the board',
      otherLetters,
      facts('interventionist', { lettersOwnerRole: null }),
      false,
    ],
    ['a plan has no review', plan, facts('interventionist'), false],
    ['not a member: no', myLetters, mine(null), false],
  ];
  for (const [name, doc, input, expected] of cases) {
    test(name, () => assert.equal(canSeeReview(ME, doc, input), expected));
  }
});

describe('can', () => {
  const table: [BoardAction, Role[]][] = [
    ['board.view', ['interventionist', 'family', 'viewer']],
    ['board.delete', ['interventionist']],
    ['members.manage', ['interventionist']],
    ['invites.manage', ['interventionist']],
    ['letters.share-own', ['interventionist', 'family']],
    ['letters.review', ['interventionist']],
    ['attendance.decide', ['interventionist']],
    ['attempts.freeze', ['interventionist']],
    ['attempts.stage', ['interventionist']],
    ['versions.create', ['interventionist']],
    ['questions.answer', ['interventionist']],
    ['readiness.confirm-own', ['interventionist', 'family']],
    ['bottom-lines.hold-own', ['family']],
    ['debrief.edit', ['interventionist', 'family']],
    ['questions.ask', ['interventionist', 'family']],
    ['questions.remove-any', ['interventionist']],
    ['history.view', ['interventionist', 'family', 'viewer']],
    ['board.export', ['interventionist', 'family', 'viewer']],
    ['visits.view', ['interventionist']],
    ['run.drive', ['interventionist']],
    ['run.step-out', ['family']],
    ['run.signals', ['interventionist', 'family']],
    ['packets.print-all', ['interventionist']],
    ['overview.guide', ['interventionist']],
  ];
  for (const [action, allowed] of table) {
    test(action, () => {
      for (const role of ['interventionist', 'family', 'viewer'] as Role[]) {
        assert.equal(can(role, action), allowed.includes(role), `${role} ${action}`);
      }
      assert.equal(can(null, action), false);
    });
  }
});
