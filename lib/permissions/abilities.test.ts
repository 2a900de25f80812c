import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ROLES, type Role } from '../roles';
import { abilitiesOf, debriefAccess, planAccess } from './abilities';
import { BOARD_ACTIONS, can, decideDocAccess } from './rules';

const ME = 'user-me-000000000001';
const BOARD = 'board-0000000000000001';
const ATTEMPTS = [
  { number: 1, frozen: true },
  { number: 2, frozen: false },
];

const abilities = (role: Role) => abilitiesOf(ME, BOARD, { role, attempts: ATTEMPTS });

describe('abilitiesOf answers with the rules, never beside them', () => {
  test('every action, for every role, is what can() says', () => {
    for (const role of ROLES) {
      const answers = abilities(role).can;
      assert.deepEqual(Object.keys(answers).sort(), [...BOARD_ACTIONS].sort());
      for (const action of BOARD_ACTIONS) assert.equal(answers[action], can(role, action), `${role} ${action}`);
    }
  });

  test('each attempt’s plan and the notes are what decideDocAccess says', () => {
    for (const role of ROLES) {
      const mine = abilities(role);
      for (const { number, frozen } of ATTEMPTS) {
        const expected = decideDocAccess(
          ME,
          { kind: 'plan', boardId: BOARD, attempt: number },
          { role, attemptExists: true, attemptFrozen: frozen, lettersShared: false, lettersOwnerRole: null },
        );
        assert.equal(planAccess(mine, number), expected, `${role} attempt ${number}`);
      }
      assert.equal(
        mine.notes,
        decideDocAccess(
          ME,
          { kind: 'notes', boardId: BOARD },
          { role, attemptExists: false, attemptFrozen: false, lettersShared: false, lettersOwnerRole: null },
        ),
      );
    }
  });
});

describe('what each role is handed', () => {
  const cases: [string, Role, (a: ReturnType<typeof abilities>) => unknown, unknown][] = [
    ['a viewer reads the open plan', 'viewer', (a) => planAccess(a, 2), 'read'],
    ['family writes the open plan', 'family', (a) => planAccess(a, 2), 'write'],
    ['a frozen attempt is read-only, even for the interventionist', 'interventionist', (a) => planAccess(a, 1), 'read'],
    ['only interventionists get the notes', 'family', (a) => a.notes, 'none'],
    ['the interventionist writes the notes', 'interventionist', (a) => a.notes, 'write'],
    ['a viewer writes no debrief', 'viewer', (a) => a.can['debrief.edit'], false],
    ['a viewer reads the debrief document', 'viewer', (a) => debriefAccess(a, 1), 'read'],
    ['family writes the debrief of a frozen attempt', 'family', (a) => debriefAccess(a, 1), 'write'],
    ['family writes the debrief of the open attempt', 'family', (a) => debriefAccess(a, 2), 'write'],
    ['a viewer submits no letters', 'viewer', (a) => a.can['letters.submit-own'], false],
    ['family stages no attempt', 'family', (a) => a.can['attempts.stage'], false],
    ['family manages no members', 'family', (a) => a.can['members.manage'], false],
    ['family names no versions', 'family', (a) => a.can['versions.create'], false],
    ['the interventionist deletes the board', 'interventionist', (a) => a.can['board.delete'], true],
  ];
  for (const [name, role, pick, expected] of cases) test(name, () => assert.equal(pick(abilities(role)), expected));

  test('an attempt the page was not told about opens nothing', () => {
    assert.equal(planAccess(abilities('interventionist'), 3), 'none');
    assert.equal(debriefAccess(abilities('interventionist'), 3), 'none');
  });

  test('they survive the trip to the browser (a page hands them over as JSON)', () => {
    const sent = abilities('family');
    const received = JSON.parse(JSON.stringify(sent)) as typeof sent;
    assert.equal(planAccess(received, 2), 'write');
    assert.equal(planAccess(received, 1), 'read');
  });
});
