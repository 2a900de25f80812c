import assert from 'node:assert/strict';
import { test } from 'node:test';
import { treeOf } from './proc';

test('a process tree is the root and everything below it, nothing beside it', () => {
  // 10 is the database server, 11 and 12 its backends, 13 a backend's child; 20 is unrelated.
  const parents = new Map([
    [10, 1],
    [11, 10],
    [12, 10],
    [13, 11],
    [20, 1],
  ]);
  assert.deepEqual(treeOf(10, parents), [10, 11, 12, 13]);
  assert.deepEqual(treeOf(99, parents), [], 'a process that is gone has no tree');
});
