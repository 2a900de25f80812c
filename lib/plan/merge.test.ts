import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as Y from 'yjs';
import { addItem, getItem, itemSet, itemText, listItems, moveItem, removeItem, toggleInSet } from './lists';
import { singletonText } from './singletons';
import { applyTextChange } from './text-diff';
import { replica, syncDocs } from '../../test/helpers/replicas';

function names(doc: Y.Doc): string[] {
  return listItems(doc, 'team').map((item) => itemText(item.map, 'name')?.toString() ?? '?');
}

function twoReplicasWithTeam(...people: string[]): [Y.Doc, Y.Doc, string[]] {
  const a = replica(1);
  const b = replica(2);
  const ids = people.map((name) => addItem(a, 'team', { text: { name } }));
  syncDocs(a, b);
  return [a, b, ids];
}

describe('concurrent edits merge', () => {
  it('merges two people typing in one field character by character', () => {
    const [a, b, ids] = twoReplicasWithTeam('Ana');
    const text = (doc: Y.Doc) =>
      itemText(getItem(doc, 'team', ids[0] ?? '') as Y.Map<unknown>, 'relationship') as Y.Text;
    applyTextChange(text(a), 'sister');
    syncDocs(a, b);
    applyTextChange(text(a), 'older sister', 6);
    applyTextChange(text(b), 'sister (lives nearby)', 21);
    syncDocs(a, b);
    assert.equal(text(a).toString(), 'older sister (lives nearby)');
    assert.equal(text(b).toString(), text(a).toString());
  });

  it('merges typing in a singleton field that neither side had touched', () => {
    const a = replica(1);
    const b = replica(2);
    applyTextChange(singletonText(a, 'logistics', 'place'), 'Grandma’s house');
    applyTextChange(singletonText(b, 'logistics', 'place'), 'living room');
    syncDocs(a, b);
    const merged = singletonText(a, 'logistics', 'place').toString();
    assert.equal(merged, singletonText(b, 'logistics', 'place').toString());
    assert.ok(merged.includes('Grandma’s house') && merged.includes('living room'), merged);
  });

  it('keeps items both people added at once', () => {
    const [a, b] = twoReplicasWithTeam('Ana');
    addItem(a, 'team', { text: { name: 'Ben' } });
    addItem(b, 'team', { text: { name: 'Cy' } });
    syncDocs(a, b);
    assert.deepEqual(names(a), names(b));
    assert.deepEqual([...names(a)].sort(), ['Ana', 'Ben', 'Cy']);
  });

  it('two people moving the same person at once leaves exactly one copy, everywhere in the same place', () => {
    const [a, b, ids] = twoReplicasWithTeam('Ana', 'Ben', 'Cy', 'Di');
    moveItem(a, 'team', ids[3] ?? '', 0);
    moveItem(b, 'team', ids[3] ?? '', 2);
    syncDocs(a, b);
    assert.deepEqual(names(a), names(b));
    assert.equal(names(a).filter((n) => n === 'Di').length, 1);
    assert.equal(names(a).length, 4);
  });

  it('a move does not lose what someone else is typing in the moved item', () => {
    const [a, b, ids] = twoReplicasWithTeam('Ana', 'Ben');
    moveItem(a, 'team', ids[1] ?? '', 0);
    const seat = itemText(getItem(b, 'team', ids[1] ?? '') as Y.Map<unknown>, 'seat') as Y.Text;
    applyTextChange(seat, 'next to the door');
    syncDocs(a, b);
    assert.deepEqual(names(a), ['Ben', 'Ana']);
    assert.equal(itemText(getItem(a, 'team', ids[1] ?? '') as Y.Map<unknown>, 'seat')?.toString(), 'next to the door');
  });

  it('moves of different people at once both apply', () => {
    const [a, b, ids] = twoReplicasWithTeam('Ana', 'Ben', 'Cy', 'Di');
    moveItem(a, 'team', ids[0] ?? '', 3);
    moveItem(b, 'team', ids[3] ?? '', 0);
    syncDocs(a, b);
    assert.deepEqual(names(a), names(b));
    assert.equal(names(a)[0], 'Di');
    assert.equal(names(a)[3], 'Ana');
  });

  it('two people ticking different roles at once keep both', () => {
    const [a, b, ids] = twoReplicasWithTeam('Ana');
    toggleInSet(a, 'team', ids[0] ?? '', 'roles', 'chair', true);
    toggleInSet(b, 'team', ids[0] ?? '', 'roles', 'speaker', true);
    syncDocs(a, b);
    const roles = itemSet(getItem(b, 'team', ids[0] ?? '') as Y.Map<unknown>, 'roles');
    assert.deepEqual([...(roles?.keys() ?? [])].sort(), ['chair', 'speaker']);
  });

  it('a removal wins over a concurrent edit of the removed item, on both sides', () => {
    const [a, b, ids] = twoReplicasWithTeam('Ana', 'Ben');
    removeItem(a, 'team', ids[1] ?? '');
    applyTextChange(itemText(getItem(b, 'team', ids[1] ?? '') as Y.Map<unknown>, 'name') as Y.Text, 'Benjamin');
    syncDocs(a, b);
    assert.deepEqual(names(a), ['Ana']);
    assert.deepEqual(names(b), ['Ana']);
  });
});
