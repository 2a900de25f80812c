import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Y from 'yjs';
import { ensureDefaults } from '../plan/defaults';
import { addItem, getItem, listItems } from '../plan/lists';
import { planToJSON } from '../plan/to-json';
import { coverageChecks } from './coverage';

function failing(doc: Y.Doc): Record<string, string[]> {
  return Object.fromEntries(
    coverageChecks(planToJSON(doc))
      .filter((c) => !c.ok)
      .map((c) => [c.id, c.missing]),
  );
}

test('a fresh plan lacks everything, and the presets still need names', () => {
  const doc = new Y.Doc();
  ensureDefaults(doc);
  const missing = failing(doc);
  assert.deepEqual(Object.keys(missing).sort(), ['contingencies', 'roles', 'team-size', 'treatment']);
  assert.equal(missing.contingencies?.length, 5, 'generic advice in "who" is not a person');
  assert.deepEqual(missing.treatment, ['Add treatment options']);
});

test('a complete plan passes every check', () => {
  const doc = new Y.Doc();
  ensureDefaults(doc);
  for (const { map } of listItems(doc, 'contingencies')) {
    const who = map.get('who');
    if (who instanceof Y.Text) {
      who.delete(0, who.length);
      who.insert(0, 'Dana');
    }
  }
  addItem(doc, 'objections', {
    text: { objection: 'I can quit on my own', answeredBy: 'Dad', answer: 'You tried in May.' },
  });
  addItem(doc, 'team', { text: { name: 'Dana' }, sets: { roles: ['chair', 'safety-lead'] } });
  addItem(doc, 'team', { text: { name: 'Dad' }, sets: { roles: ['closer'] } });
  addItem(doc, 'team', { text: { name: 'Lee' }, sets: { roles: ['escort'] } });
  addItem(doc, 'treatment', { text: { name: 'Riverside' }, values: { bedHeld: true } });
  assert.deepEqual(failing(doc), {});
});

test('a role held only by someone who stays home does not count; an unanswered objection is named', () => {
  const doc = new Y.Doc();
  const chair = addItem(doc, 'team', {
    text: { name: 'Dana' },
    sets: { roles: ['chair', 'closer', 'escort', 'safety-lead'] },
    values: { attendance: 'home' },
  });
  addItem(doc, 'objections', { text: { objection: "I can't leave work" } });
  addItem(doc, 'treatment', { text: { name: 'Hilltop' }, values: { admissionDate: '2026-12-03' } });
  const missing = failing(doc);
  assert.equal(missing.roles?.length, 4);
  assert.deepEqual(missing.objections, ["Name who answers: I can't leave work"]);
  assert.equal(missing.treatment, undefined);
  assert.ok(getItem(doc, 'team', chair));
});
