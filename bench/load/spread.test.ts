import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spreadOver } from './spread';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

test('boards are spread evenly, in order, over the processes', () => {
  const groups = spreadOver(range(10), 4);
  assert.deepEqual(
    groups.map((g) => g.length),
    [3, 3, 2, 2],
  );
  assert.deepEqual(groups.flat(), range(10));
});

test('2,500 boards over 4 processes: 625 each', () => {
  assert.deepEqual(
    spreadOver(range(2500), 4).map((g) => g.length),
    [625, 625, 625, 625],
  );
});

test('no process is left without boards', () => {
  assert.deepEqual(spreadOver(range(2), 4), [[0], [1]]);
  assert.deepEqual(spreadOver([], 4), []);
});
