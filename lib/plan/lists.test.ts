import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as Y from 'yjs';
import { addItem, getItem, itemSet, itemText, listItems, moveItem, moveItemBy, removeItem, toggleInSet } from './lists';

function names(doc: Y.Doc): string[] {
  return listItems(doc, 'team').map((item) => itemText(item.map, 'name')?.toString() ?? '?');
}

function team(...people: string[]): Y.Doc {
  const doc = new Y.Doc();
  for (const name of people) addItem(doc, 'team', { text: { name } });
  return doc;
}

describe('plan lists', () => {
  it('adds items at the end with every field of the list created at once', () => {
    const doc = team('Ana', 'Ben');
    assert.deepEqual(names(doc), ['Ana', 'Ben']);
    const [first] = listItems(doc, 'team');
    assert.ok(first);
    assert.ok(itemText(first.map, 'relationship') instanceof Y.Text);
    assert.ok(itemSet(first.map, 'roles') instanceof Y.Map);
    assert.equal(first.map.get('attendance'), 'attends');
    assert.equal(first.map.get('id'), first.id);
  });

  it('removes an item by id', () => {
    const doc = team('Ana', 'Ben', 'Cy');
    const ben = listItems(doc, 'team')[1];
    assert.ok(ben);
    removeItem(doc, 'team', ben.id);
    assert.deepEqual(names(doc), ['Ana', 'Cy']);
  });

  it('moves an item to any position by rewriting only its key', () => {
    const doc = team('Ana', 'Ben', 'Cy', 'Di');
    const ids = listItems(doc, 'team').map((i) => i.id);
    const keysBefore = listItems(doc, 'team').map((i) => i.order);
    moveItem(doc, 'team', ids[3] ?? '', 0);
    assert.deepEqual(names(doc), ['Di', 'Ana', 'Ben', 'Cy']);
    const keysAfter = new Map(listItems(doc, 'team').map((i) => [i.id, i.order]));
    assert.deepEqual(
      [0, 1, 2].map((n) => keysAfter.get(ids[n] ?? '')),
      keysBefore.slice(0, 3),
    );
    moveItem(doc, 'team', ids[3] ?? '', 2);
    assert.deepEqual(names(doc), ['Ana', 'Ben', 'Di', 'Cy']);
    moveItem(doc, 'team', ids[0] ?? '', 99);
    assert.deepEqual(names(doc), ['Ben', 'Di', 'Cy', 'Ana']);
  });

  it('moves one step up or down, and not past either end', () => {
    const doc = team('Ana', 'Ben', 'Cy');
    const [ana, , cy] = listItems(doc, 'team').map((i) => i.id);
    moveItemBy(doc, 'team', cy ?? '', -1);
    assert.deepEqual(names(doc), ['Ana', 'Cy', 'Ben']);
    moveItemBy(doc, 'team', ana ?? '', -1);
    assert.deepEqual(names(doc), ['Ana', 'Cy', 'Ben']);
    moveItemBy(doc, 'team', ana ?? '', 1);
    assert.deepEqual(names(doc), ['Cy', 'Ana', 'Ben']);
  });

  it('moves within a subsequence (the speaking order leaves out people who stay home)', () => {
    const doc = team('Ana', 'Home', 'Ben', 'Cy');
    const [ana, home, ben, cy] = listItems(doc, 'team').map((i) => i.id) as [string, string, string, string];
    const speakers = [ana, ben, cy];
    moveItemBy(doc, 'team', ben, -1, null, speakers);
    const order = listItems(doc, 'team')
      .map((i) => i.id)
      .filter((id) => id !== home);
    assert.deepEqual(order, [ben, ana, cy]);
  });

  it('re-keys the list when the new neighbours share a key', () => {
    const doc = team('Ana', 'Ben', 'Cy');
    const [ana, ben, cy] = listItems(doc, 'team');
    assert.ok(ana && ben && cy);
    // As if two people had added Ana and Ben at the same place at the same moment.
    ben.map.set('order', ana.map.get('order'));
    // Between the two that share a key (which of them sorts first depends on their random ids).
    moveItem(doc, 'team', cy.id, 1);
    const after = listItems(doc, 'team');
    assert.equal(new Set(after.map((i) => i.order)).size, 3);
    assert.equal(
      after.findIndex((i) => i.id === cy.id),
      1,
    );
  });

  it('toggles roles as a set', () => {
    const doc = team('Ana');
    const id = listItems(doc, 'team')[0]?.id ?? '';
    toggleInSet(doc, 'team', id, 'roles', 'chair', true);
    toggleInSet(doc, 'team', id, 'roles', 'closer', true);
    toggleInSet(doc, 'team', id, 'roles', 'chair', false);
    const roles = itemSet(getItem(doc, 'team', id) as Y.Map<unknown>, 'roles');
    assert.deepEqual([...(roles?.keys() ?? [])], ['closer']);
  });
});
