import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenBucket } from './token-bucket';

test('a burst is allowed, then the sustained rate', () => {
  let now = 0;
  const bucket = new TokenBucket(200, 400, () => now);
  let taken = 0;
  while (bucket.take()) taken++;
  assert.equal(taken, 400);
  now += 100; // 100 ms at 200/s refills 20 tokens
  taken = 0;
  while (bucket.take()) taken++;
  assert.equal(taken, 20);
  now += 60_000; // never more than the burst
  taken = 0;
  while (bucket.take()) taken++;
  assert.equal(taken, 400);
});
