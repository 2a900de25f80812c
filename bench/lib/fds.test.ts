import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFdHeadroom, fdsPerSocket, parseOpenFileLimit } from './fds';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            20000                1048576              files
Max locked memory         8388608              8388608              bytes
`;

test('the soft open-file limit is read from /proc/<pid>/limits', () => {
  assert.equal(parseOpenFileLimit(LIMITS), 20000);
  assert.equal(parseOpenFileLimit(LIMITS.replace('20000  ', 'unlimited')), Infinity);
  assert.throws(() => parseOpenFileLimit('Max cpu time unlimited'));
});

test('10,000 sockets fit under 20,000 descriptors, 20,000 do not', () => {
  assert.doesNotThrow(() => assertFdHeadroom('the server', 20000, 10000));
  assert.throws(() => assertFdHeadroom('the server', 20000, 20000), /ulimit -n 20000/);
});

test('descriptors per socket', () => {
  assert.equal(fdsPerSocket(40, 10040, 10000), 1);
  assert.ok(Number.isNaN(fdsPerSocket(40, 40, 0)));
});
