import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GuessThrottle } from './guess-throttle';

const settings = { free: 5, baseDelayMs: 5000, maxDelayMs: 60_000, forgetAfterMs: 3_600_000 };

test('five attempts go through at once, then each waits twice as long, up to the cap', () => {
  const throttle = new GuessThrottle(settings);
  const delays = Array.from({ length: 10 }, (_, i) => throttle.delayAfter(i + 1));
  assert.deepEqual(delays, [0, 0, 0, 0, 5000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  assert.equal(throttle.delayAfter(10_000), 60_000, 'a huge count stays at the cap');
});

test('an attempt is counted before its outcome: the next one waits, then goes through once the wait is over', () => {
  const throttle = new GuessThrottle(settings);
  let now = 1_000_000;
  for (let i = 0; i < 5; i += 1) {
    assert.equal(throttle.waitMs('k', now), 0);
    throttle.count('k', now);
  }
  // Without a verdict in between: a concurrent sixth guess already has to wait.
  assert.equal(throttle.waitMs('k', now), 5000);
  now += 4999;
  assert.equal(throttle.waitMs('k', now), 1);
  now += 1;
  assert.equal(throttle.waitMs('k', now), 0, 'never locked out: the owner gets in after the wait');
  throttle.count('k', now);
  assert.equal(throttle.waitMs('k', now), 10_000);
  assert.equal(throttle.waitMs('other', now), 0, 'keys are apart');
});

test('a success clears the key, and a quiet key is forgotten', () => {
  const throttle = new GuessThrottle(settings);
  for (let i = 0; i < 6; i += 1) throttle.count('k', 0);
  assert.ok(throttle.waitMs('k', 0) > 0);
  throttle.clear('k');
  assert.equal(throttle.waitMs('k', 0), 0);
  for (let i = 0; i < 6; i += 1) throttle.count('q', 0);
  assert.equal(throttle.waitMs('q', settings.forgetAfterMs + 1), 0);
  throttle.count('q', settings.forgetAfterMs + 1);
  assert.equal(throttle.waitMs('q', settings.forgetAfterMs + 1), 0, 'counting starts afresh');
});
