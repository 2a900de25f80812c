import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as Y from 'yjs';
import { ensureDefaults } from './defaults';
import { addItem, moveItem, toggleInSet } from './lists';
import { setSingletonValue, singletonText } from './singletons';
import { applyTextChange } from './text-diff';
import { planToJSON } from './to-json';

describe('planToJSON', () => {
  it('returns every section as plain JSON with defaults for missing fields', () => {
    const json = planToJSON(new Y.Doc());
    assert.equal(json.initialised, false);
    assert.deepEqual(json.team, []);
    assert.deepEqual(json.logistics, { place: '', bringer: '', timing: '', date: '', time: '', rehearsalDate: '' });
    assert.equal(json.safety.weapons, false);
    assert.equal(json.approach.model, '');
  });

  it('reflects content, in list order, and survives a JSON round trip', () => {
    const doc = new Y.Doc();
    ensureDefaults(doc);
    const ana = addItem(doc, 'team', {
      text: { name: 'Ana', relationship: 'sister' },
      values: { attendance: 'letter-read' },
    });
    const ben = addItem(doc, 'team', { text: { name: 'Ben' } });
    moveItem(doc, 'team', ben, 0);
    toggleInSet(doc, 'team', ana, 'roles', 'closer', true);
    toggleInSet(doc, 'team', ana, 'roles', 'chair', true);
    applyTextChange(singletonText(doc, 'logistics', 'place'), 'Aunt May’s kitchen');
    setSingletonValue(doc, 'logistics', 'date', '2025-03-14');
    const json = planToJSON(doc);
    assert.deepEqual(
      json.team.map((m) => m.name),
      ['Ben', 'Ana'],
    );
    assert.deepEqual(json.team[1]?.roles, ['chair', 'closer']);
    assert.equal(json.team[1]?.attendance, 'letter-read');
    assert.equal(json.logistics.place, 'Aunt May’s kitchen');
    assert.equal(json.logistics.date, '2025-03-14');
    assert.equal(json.contingencies.length, 5);
    assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
  });

  it('reads without writing', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    planToJSON(doc);
    assert.equal(updates, 0);
  });
});
