/**
 * Sign-in limits when several server processes share one Redis (server/auth/rate-limit.ts): the
 * counts are the same wherever an attempt lands, so a guesser gains nothing by spreading guesses
 * over processes; and a Redis that stops answering costs a sign-in half a second, never the
 * sign-in. Two limit sets on two clients stand for two processes. (Redis unreachable from the
 * start: server/auth/rate-limit.test.ts.)
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sharedLimits, type SignInLimits } from '../../server/auth/rate-limit';
import { connectRedis, type RedisClient } from '../../server/redis';
import { sleep, waitFor } from '../helpers/wait';

function redisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: run the tests through `npm test`, which starts Redis');
  return url;
}

const SECRET = 'the secret every process of one deployment shares';
// Keys of this run only, on a Redis other files use too.
const PREFIX = `test-${randomBytes(4).toString('hex')}`;

const clients: RedisClient[] = [];
let first: SignInLimits;
let second: SignInLimits;

async function client(): Promise<RedisClient> {
  const opened = connectRedis(redisUrl(), 'test redis');
  clients.push(opened);
  // Before it is ready every count would go to memory, and nothing would be shared.
  await waitFor(() => opened.isReady, 'the Redis client to connect');
  return opened;
}

before(async () => {
  first = sharedLimits(await client(), { secret: SECRET, prefix: PREFIX });
  second = sharedLimits(await client(), { secret: SECRET, prefix: PREFIX });
});
after(async () => {
  for (const opened of clients) if (opened.isOpen) await opened.close();
});

let counter = 0;
const email = (label: string) => `${label}.${(counter += 1)}@example.test`;

/** Whether each attempt was let through, the processes taking turns. */
async function alternate(count: number, account: (i: number) => string, address: string): Promise<boolean[]> {
  const outcomes: boolean[] = [];
  for (let i = 0; i < count; i += 1) {
    outcomes.push((await (i % 2 === 0 ? first : second).beginSignIn(account(i), address)).allowed);
  }
  return outcomes;
}

describe('limits shared by two processes', () => {
  test('guesses at one account from one address, on either process, are counted together', async () => {
    const account = email('sam');
    assert.deepEqual(await alternate(5, () => account, '198.51.100.1'), [true, true, true, true, true]);
    for (const limits of [first, second]) {
      const refused = await limits.beginSignIn(account, '198.51.100.1');
      assert.equal(refused.allowed, false, 'the sixth guess waits, on either process');
      if (!refused.allowed)
        assert.ok(refused.retryAfterMs > 0 && refused.retryAfterMs <= 5000, `${refused.retryAfterMs}`);
    }
    assert.equal((await second.beginSignIn(account, '198.51.100.2')).allowed, true, 'the owner elsewhere gets in');
  });

  test('of concurrent guesses spread over both processes, five are tried', async () => {
    const account = email('ana');
    const verdicts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).beginSignIn(account, '198.51.100.3')),
    );
    assert.equal(verdicts.filter((verdict) => verdict.allowed).length, 5);
  });

  test('a success on one process clears the account’s counts for the other', async () => {
    const account = email('owner');
    assert.deepEqual(await alternate(4, () => account, '198.51.100.4'), [true, true, true, true]);
    const attempt = await second.beginSignIn(account, '198.51.100.4');
    assert.equal(attempt.allowed, true);
    if (attempt.allowed) await attempt.succeeded();
    assert.deepEqual(await alternate(5, () => account, '198.51.100.4'), [true, true, true, true, true]);
  });

  test('an address has 30 attempts in all, on any accounts, whichever process counts them', async () => {
    const outcomes = await alternate(31, () => email('typo'), '198.51.100.5');
    assert.equal(outcomes.filter(Boolean).length, 30);
    const refused = await first.beginSignIn(email('typo'), '198.51.100.5');
    assert.ok(!refused.allowed && refused.retryAfterMs > 14 * 60 * 1000, 'fifteen minutes of refusals');
  });

  test('registrations from one address are counted together', async () => {
    const outcomes: boolean[] = [];
    for (let i = 0; i < 21; i += 1) outcomes.push(await (i % 2 ? first : second).allowRegistration('198.51.100.6'));
    assert.equal(outcomes.filter(Boolean).length, 20);
  });

  test('Redis holds no email or address, only keyed hashes of them', async () => {
    const keys = await clients[0]!.keys(`${PREFIX}:*`);
    assert.ok(keys.length > 0, 'the counts are in Redis');
    for (const key of keys) assert.doesNotMatch(key, /example\.test|198\.51\.100/, key);
  });
});

describe('a Redis that stops answering', () => {
  test('costs a sign-in at most about a second: the counts go on in memory', async () => {
    const admin = await client();
    // Every client's commands wait for 1.5 s, as behind a stalled server or a half-open link.
    await admin.sendCommand(['CLIENT', 'PAUSE', '1500', 'ALL']);
    const started = Date.now();
    const attempt = await first.beginSignIn(email('during'), '198.51.100.7');
    const took = Date.now() - started;
    assert.equal(attempt.allowed, true);
    assert.ok(took < 1400, `answered from memory after the timeouts, not after Redis: ${took} ms`);
    await sleep(1600 - took);
    assert.equal(await admin.ping(), 'PONG');
    assert.equal((await second.beginSignIn(email('after'), '198.51.100.7')).allowed, true, 'Redis again');
  });
});
