import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Role } from '../roles';
import type { DocName } from '../doc-names';
import { type BoardAction, can, type DocAccess, type DocFacts, decideDocAccess } from './rules';

const ME = 'user-me-000000000001';
const OTHER = 'user-other-000000002';
const BOARD = 'board-0000000000000001';
const plan: DocName = { kind: 'plan', boardId: BOARD, attempt: 1 };
const myLetters: DocName = { kind: 'letters', boardId: BOARD, attempt: 1, ownerId: ME };
const otherLetters: DocName = { kind: 'letters', boardId: BOARD, attempt: 1, ownerId: OTHER };
const notes: DocName = { kind: 'notes', boardId: BOARD };
const debrief: DocName = { kind: 'debrief', boardId: BOARD, attempt: 1 };

function facts(role: Role | null, overrides: Partial<DocFacts> = {}): DocFacts {
  return { role, attemptExists: true, attemptFrozen: false, lettersShared: false, ...overrides };
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
    ['family writes own letters', myLetters, facts('family'), 'write'],
    ['own letters on a frozen attempt are read-only', myLetters, facts('family', { attemptFrozen: true }), 'read'],
    ['a viewer has no letters of their own', myLetters, facts('viewer'), 'none'],
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
    ['debrief.edit', ['interventionist', 'family']],
    ['questions.ask', ['interventionist', 'family']],
    ['questions.remove-any', ['interventionist']],
    ['history.view', ['interventionist', 'family', 'viewer']],
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
