import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inSlices } from './slices';

test('visits every item once, in order, across several turns of the event loop', async () => {
  const items = Array.from({ length: 1000 }, (_, i) => i);
  const visited: number[] = [];
  const turnsSeen = new Set<number>();
  // Counts turns by setImmediate, the same queue the slices yield to.
  let immediateTurn = 0;
  const tick = (): void => {
    immediateTurn++;
    if (visited.length < items.length) setImmediate(tick);
  };
  setImmediate(tick);
  await inSlices(items, 300, (item) => {
    visited.push(item);
    turnsSeen.add(immediateTurn);
  });
  assert.deepEqual(visited, items);
  // 1000 items at 300 per turn: four slices, each in a turn of its own.
  assert.equal(turnsSeen.size, 4);
});

test('a snapshot: items added during the sweep are not visited, and nothing is visited twice', async () => {
  const items = new Set([1, 2, 3, 4, 5]);
  const visited: number[] = [];
  await inSlices(items, 2, (item) => {
    visited.push(item);
    items.add(item + 100);
  });
  assert.deepEqual(visited, [1, 2, 3, 4, 5]);
});

test('an empty collection completes at once', async () => {
  let calls = 0;
  await inSlices([], 10, () => calls++);
  assert.equal(calls, 0);
});
