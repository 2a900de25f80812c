import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backTimes } from './failover';

test("each board's time back counts from the kill; boards never seen again are counted apart", () => {
  assert.deepEqual(backTimes(1000, [7500, null, 6100, 9000]), { backMs: [5100, 6500, 8000], notBack: 1 });
  assert.deepEqual(backTimes(0, []), { backMs: [], notBack: 0 });
});
