import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONTINGENCIES, ensureDefaults, isInitialised } from './defaults';
import { itemText, listItems, removeItem } from './lists';
import { replica, syncDocs } from '../../test/helpers/replicas';

describe('default content', () => {
  it('fills an empty plan with the five contingencies, once', () => {
    const doc = replica(1);
    assert.equal(ensureDefaults(doc), true);
    assert.equal(ensureDefaults(doc), false);
    const items = listItems(doc, 'contingencies');
    assert.deepEqual(
      items.map((i) => itemText(i.map, 'title')?.toString()),
      DEFAULT_CONTINGENCIES.map((c) => c.title),
    );
    assert.ok(isInitialised(doc));
  });

  it('two people opening an empty plan at once end up with five, not ten', () => {
    const a = replica(1);
    const b = replica(2);
    ensureDefaults(a);
    ensureDefaults(b);
    syncDocs(a, b);
    for (const doc of [a, b]) {
      const items = listItems(doc, 'contingencies');
      assert.equal(items.length, 5);
      // The texts were not merged into doubles either: each item is one side's whole copy.
      assert.equal(itemText(items[0]?.map ?? a.getMap(), 'title')?.toString(), DEFAULT_CONTINGENCIES[0]?.title);
    }
  });

  it('three replicas initialising concurrently in a chain also converge to five', () => {
    const docs = [replica(1), replica(2), replica(3)];
    for (const doc of docs) ensureDefaults(doc);
    syncDocs(docs[0] ?? replica(9), docs[1] ?? replica(9));
    syncDocs(docs[1] ?? replica(9), docs[2] ?? replica(9));
    syncDocs(docs[0] ?? replica(9), docs[2] ?? replica(9));
    for (const doc of docs) assert.equal(listItems(doc, 'contingencies').length, 5);
  });

  it('does not bring back a default the family removed', () => {
    const a = replica(1);
    const b = replica(2);
    ensureDefaults(a);
    removeItem(a, 'contingencies', 'preset-emotion');
    syncDocs(a, b);
    assert.equal(ensureDefaults(b), false);
    assert.equal(listItems(b, 'contingencies').length, 4);
  });
});
