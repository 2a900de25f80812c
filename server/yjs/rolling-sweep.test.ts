import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RollingSweep } from './rolling-sweep';

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

test('visits every item once per round, an even share at each tick', () => {
  const items = new Set(range(100));
  const perTick: number[][] = [];
  let current: number[] = [];
  const sweep = new RollingSweep(items, 10, (item) => current.push(item));
  for (let tick = 0; tick < 20; tick++) {
    current = [];
    sweep.step();
    perTick.push(current);
  }
  assert.deepEqual(
    perTick.map((visits) => visits.length),
    Array(20).fill(10),
  );
  assert.deepEqual(perTick.slice(0, 10).flat(), range(100), 'round 1: each item once, in order');
  assert.deepEqual(perTick.slice(10).flat(), range(100), 'round 2: each item once again');
});

test('a share is rounded up, so a small collection is done early in the round', () => {
  const visits: number[] = [];
  const sweep = new RollingSweep(new Set([1, 2, 3]), 30, (item) => visits.push(item));
  sweep.step();
  assert.deepEqual(visits, [1]);
  for (let tick = 1; tick < 30; tick++) sweep.step();
  assert.deepEqual(visits, [1, 2, 3]);
});

test('an item removed during the round is skipped; one added is visited in that round', () => {
  const items = new Set(range(10));
  const visits: number[] = [];
  const sweep = new RollingSweep(items, 5, (item) => visits.push(item));
  sweep.step();
  assert.deepEqual(visits, [0, 1]);
  items.delete(5);
  items.add(42);
  for (let tick = 1; tick < 5; tick++) sweep.step();
  assert.deepEqual(visits, [0, 1, 2, 3, 4, 6, 7, 8, 9, 42]);
});

test('the round callback runs once at the start of each round', () => {
  const events: string[] = [];
  const sweep = new RollingSweep(
    new Set(['a', 'b']),
    2,
    (item) => events.push(item),
    () => events.push('round'),
  );
  for (let tick = 0; tick < 4; tick++) sweep.step();
  assert.deepEqual(events, ['round', 'a', 'b', 'round', 'a', 'b']);
});

test('an empty collection is fine, and a bad tick count is refused', () => {
  let visits = 0;
  const sweep = new RollingSweep(new Set<number>(), 3, () => visits++);
  for (let tick = 0; tick < 7; tick++) sweep.step();
  assert.equal(visits, 0);
  assert.throws(() => new RollingSweep(new Set<number>(), 0, () => {}), RangeError);
});
