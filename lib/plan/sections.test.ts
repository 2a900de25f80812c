import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PLAN_PARTS } from '../diff';
import { LETTER_FIELDS } from './schema';
import { LETTER_LABEL, partLabel, PLAN_SECTIONS, sectionLabel } from './sections';

describe('the plan sections, listed once', () => {
  test('ids are unique and every section has a label', () => {
    const ids = PLAN_SECTIONS.map((section) => section.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const section of PLAN_SECTIONS) assert.ok(section.label.trim(), section.id);
  });

  test('every part of the plan document belongs to exactly one section', () => {
    for (const part of PLAN_PARTS) {
      const holders = PLAN_SECTIONS.filter((section) => section.parts.some((p) => p === part));
      assert.equal(holders.length, 1, part);
    }
  });

  test('the sections keep the order and the words people see on the board', () => {
    assert.deepEqual(
      PLAN_SECTIONS.map((section) => section.label),
      [
        'Approach and goals',
        'Team',
        'Letters',
        'Bottom lines',
        'Contingencies',
        'Objections',
        'Treatment and escort',
        'Logistics',
        'Safety plan',
        'Questions',
        'Readiness',
        'Private notes',
      ],
    );
    assert.equal(sectionLabel('bottom-lines'), 'Bottom lines');
  });

  test('a part is named after its section, unless the section holds two', () => {
    assert.equal(partLabel('approach'), 'Approach and goals');
    assert.equal(partLabel('bottomLines'), 'Bottom lines');
    assert.equal(partLabel('treatment'), 'Treatment options');
    assert.equal(partLabel('escort'), 'Escort to treatment');
  });

  test('both letters have a name', () => {
    for (const field of LETTER_FIELDS) assert.ok(LETTER_LABEL[field]);
  });
});
