import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coalescedRechecks } from './board-rechecks';

/** A re-check that finishes when told to, recording which board it was for. */
function controlledRuns() {
  const started: string[] = [];
  const finish: Array<() => void> = [];
  const run = (boardId: string) =>
    new Promise<void>((resolve) => {
      started.push(boardId);
      finish.push(resolve);
    });
  return { started, finish, run };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('one re-check per board at a time; asks made meanwhile run it once more afterwards', async () => {
  const { started, finish, run } = controlledRuns();
  const recheck = coalescedRechecks(run);
  recheck('a');
  recheck('a');
  recheck('a');
  recheck('b');
  assert.deepEqual(started, ['a', 'b'], 'boards are checked side by side, each once');
  finish[0]?.();
  await settle();
  assert.deepEqual(started, ['a', 'b', 'a'], 'the asks made while it ran are one more run');
  finish[2]?.();
  await settle();
  assert.deepEqual(started, ['a', 'b', 'a'], 'and no more');
  recheck('a');
  assert.deepEqual(started, ['a', 'b', 'a', 'a'], 'a later ask starts at once');
});

test('a failed re-check does not stop the next one', async () => {
  let runs = 0;
  const recheck = coalescedRechecks(async () => {
    runs += 1;
    throw new Error('the database is out of reach');
  });
  recheck('a');
  await settle();
  recheck('a');
  await settle();
  assert.equal(runs, 2);
});
