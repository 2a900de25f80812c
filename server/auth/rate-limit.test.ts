import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { connectRedis } from '../redis';
import { sharedLimits } from './rate-limit';

/** A port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}

/**
 * With REDIS_URL set but Redis unreachable, the limits go on in the process's memory
 * (rate-limiter-flexible's insurance): sign-in neither fails nor waits, and guesses are still
 * slowed. The limits shared through a real Redis: test/integration/redis-rate-limit.test.ts.
 */
test('Redis unreachable: sign-in and registration go on, at once, and are still limited', async () => {
  const client = connectRedis(`redis://127.0.0.1:${await closedPort()}`, 'unreachable test redis');
  try {
    const limits = sharedLimits(client, { secret: 'a secret for the test', prefix: 'unit' });
    const started = Date.now();
    const outcomes: boolean[] = [];
    for (let i = 0; i < 6; i += 1) outcomes.push((await limits.beginSignIn('sam@example.test', '203.0.113.5')).allowed);
    assert.deepEqual(outcomes, [true, true, true, true, true, false], 'five guesses, then a wait');
    const refused = await limits.beginSignIn('sam@example.test', '203.0.113.5');
    assert.ok(!refused.allowed && refused.retryAfterMs > 0 && refused.retryAfterMs <= 5000, JSON.stringify(refused));

    const attempt = await limits.beginSignIn('owner@example.test', '203.0.113.6');
    assert.equal(attempt.allowed, true, 'the owner signs in');
    if (attempt.allowed) await attempt.succeeded();

    const registrations: boolean[] = [];
    for (let i = 0; i < 21; i += 1) registrations.push(await limits.allowRegistration('203.0.113.7'));
    assert.equal(registrations.filter(Boolean).length, 20, 'twenty registrations an hour');
    assert.ok(Date.now() - started < 1000, `no wait for Redis: ${Date.now() - started} ms`);
  } finally {
    client.destroy();
  }
});

test('Redis unreachable: of concurrent guesses at one account, five are tried', async () => {
  const client = connectRedis(`redis://127.0.0.1:${await closedPort()}`, 'unreachable test redis');
  try {
    const limits = sharedLimits(client, { secret: 'a secret for the test', prefix: 'unit' });
    const verdicts = await Promise.all(
      Array.from({ length: 20 }, () => limits.beginSignIn('ana@example.test', '192.0.2.8')),
    );
    assert.equal(verdicts.filter((verdict) => verdict.allowed).length, 5);
  } finally {
    client.destroy();
  }
});
