import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareOrder, keyBetween, keysAfter } from './order';

describe('fractional order keys', () => {
  it('gives a key strictly between two keys, and at either end', () => {
    const first = keyBetween(null, null);
    const after = keyBetween(first, null);
    const before = keyBetween(null, first);
    const middle = keyBetween(first, after);
    assert.ok(before < first && first < middle && middle < after);
  });

  it('never ends a key in 0, so there is always room between two keys', () => {
    let low: string | null = null;
    let high: string | null = keyBetween(null, null);
    for (let i = 0; i < 200; i++) {
      const key = keyBetween(low, high);
      assert.ok(!key.endsWith('0'), key);
      assert.ok((low === null || low < key) && (high === null || key < high));
      if (i % 2) low = key;
      else high = key;
    }
  });

  it('keeps any random sequence of inserts sorted', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const keys: string[] = [];
    for (let i = 0; i < 500; i++) {
      const at = Math.floor(random() * (keys.length + 1));
      keys.splice(at, 0, keyBetween(keys[at - 1] ?? null, keys[at] ?? null));
    }
    assert.deepEqual([...keys].sort(), keys);
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(Math.max(...keys.map((k) => k.length)) < 40);
  });

  it('keeps appended keys short', () => {
    const keys = keysAfter(null, 60);
    assert.deepEqual([...keys].sort(), keys);
    assert.ok((keys[59] ?? '').length <= 12);
  });

  it('refuses bounds that leave no room', () => {
    assert.throws(() => keyBetween('V', 'V'));
    assert.throws(() => keyBetween('l', 'V'));
    assert.throws(() => keyBetween('V0', null));
  });

  it('breaks ties between equal keys by id', () => {
    const items = [
      { id: 'b', order: 'V' },
      { id: 'a', order: 'V' },
      { id: 'c', order: 'G' },
    ].sort(compareOrder);
    assert.deepEqual(
      items.map((i) => i.id),
      ['c', 'a', 'b'],
    );
  });
});
