import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileFileOf, sumHeaps, worstLoop } from './combined-probe';

test('the heap of two processes is the sum of theirs', () => {
  const one = { heapUsed: 10, heapTotal: 20, rss: 30, external: 1, arrayBuffers: 2 };
  const two = { heapUsed: 5, heapTotal: 6, rss: 7, external: 3, arrayBuffers: 4 };
  assert.deepEqual(sumHeaps([one, two]), { heapUsed: 15, heapTotal: 26, rss: 37, external: 4, arrayBuffers: 6 });
});

test('the event loop of two processes is as late as the later one', () => {
  assert.deepEqual(
    worstLoop([
      { maxMs: 12, p99Ms: 3, meanMs: 1 },
      { maxMs: 8, p99Ms: 5, meanMs: 3 },
    ]),
    { maxMs: 12, p99Ms: 5, meanMs: 2 },
  );
});

test("the second process's profile lands beside the first's", () => {
  assert.equal(
    profileFileOf('/r/run-latency-postgres.cpuprofile.json', 1),
    '/r/run-latency-postgres-2.cpuprofile.json',
  );
});
