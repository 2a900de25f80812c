import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Role } from '../roles';
import { mayActOnQuestion, mayAskQuestion, type QuestionAction, questionAbilities } from './questions';

const ME = 'user-me-000000000001';
const OTHER = 'user-other-000000002';
const mine = { askedBy: ME };
const theirs = { askedBy: OTHER };
const open = (role: Role | null) => ({ role, attemptFrozen: false });
const frozen = (role: Role | null) => ({ role, attemptFrozen: true });

describe('questions: participants ask, interventionists answer, authors edit their own', () => {
  const cases: [string, Role | null, QuestionAction, { askedBy: string }, boolean][] = [
    ['family edits their own question', 'family', 'edit', mine, true],
    ["family cannot edit someone else's question", 'family', 'edit', theirs, false],
    ['family withdraws their own question', 'family', 'withdraw', mine, true],
    ["family cannot withdraw someone else's question", 'family', 'withdraw', theirs, false],
    ['family restores their own withdrawn question', 'family', 'restore', mine, true],
    ["family cannot restore someone else's question", 'family', 'restore', theirs, false],
    ['family cannot answer, not even their own question', 'family', 'answer', mine, false],
    ['the interventionist answers', 'interventionist', 'answer', theirs, true],
    ["the interventionist removes anyone's question", 'interventionist', 'withdraw', theirs, true],
    ["the interventionist never rewrites someone else's words", 'interventionist', 'edit', theirs, false],
    ['the interventionist edits their own question', 'interventionist', 'edit', mine, true],
    ['a viewer does nothing, even with their id on it', 'viewer', 'edit', mine, false],
    ['a viewer cannot withdraw', 'viewer', 'withdraw', mine, false],
    ['a viewer cannot answer', 'viewer', 'answer', theirs, false],
    ['a non-member does nothing', null, 'withdraw', mine, false],
  ];
  for (const [name, role, action, question, expected] of cases) {
    test(name, () => assert.equal(mayActOnQuestion(ME, open(role), action, question), expected));
  }

  test('nothing changes on a frozen attempt', () => {
    for (const role of ['interventionist', 'family', 'viewer'] as const) {
      assert.equal(mayAskQuestion(frozen(role)), false, role);
      for (const action of ['edit', 'withdraw', 'restore', 'answer'] as const)
        for (const question of [mine, theirs])
          assert.equal(mayActOnQuestion(ME, frozen(role), action, question), false, `${role} ${action}`);
    }
  });

  test('participants ask; viewers and strangers do not', () => {
    assert.equal(mayAskQuestion(open('family')), true);
    assert.equal(mayAskQuestion(open('interventionist')), true);
    assert.equal(mayAskQuestion(open('viewer')), false);
    assert.equal(mayAskQuestion(open(null)), false);
  });

  test('the abilities a page is handed are the same answers', () => {
    assert.deepEqual(questionAbilities(ME, open('family'), mine), { edit: true, withdraw: true, answer: false });
    assert.deepEqual(questionAbilities(ME, open('interventionist'), theirs), {
      edit: false,
      withdraw: true,
      answer: true,
    });
  });
});
