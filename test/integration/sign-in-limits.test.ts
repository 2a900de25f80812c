import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient, uniqueEmail } from '../helpers/client';
import { person } from '../helpers/board';
import { type RunningServer, startServer } from '../helpers/server';

/**
 * Sign-in limits that cannot be turned against the people they protect. The server runs behind
 * a trusted proxy (TRUSTED_PROXIES=127.0.0.1, the tests' own address), so each request's client
 * is the address in X-Forwarded-For; each test uses addresses of its own.
 */

const PASSWORD = 'correct horse battery';

let server: RunningServer;
before(async () => {
  server = await startServer({ env: { TRUSTED_PROXIES: '127.0.0.1' } });
});
after(async () => {
  await server.dispose();
});

type Outcome = 'signed-in' | 'wrong' | 'slowed';

/** The credentials form as the sign-in page posts it, arriving from `client` through the proxy. */
async function postCredentials(who: TestClient, csrfToken: string, email: string, password: string, client: string) {
  const form = new URLSearchParams({ csrfToken, email, password, json: 'true' });
  const response = await who.request('POST', '/api/auth/callback/credentials', form.toString(), {
    'content-type': 'application/x-www-form-urlencoded',
    'x-forwarded-for': client,
  });
  const { url } = (await response.json()) as { url: string };
  const error = new URL(url).searchParams.get('error');
  if (error === null) return { outcome: 'signed-in' as Outcome, message: '' };
  if (error === 'CredentialsSignin') return { outcome: 'wrong' as Outcome, message: error };
  assert.match(error, /^Too many attempts\./);
  return { outcome: 'slowed' as Outcome, message: error };
}

async function attempt(
  email: string,
  password: string,
  client: string,
): Promise<{ outcome: Outcome; message: string }> {
  const who = new TestClient(server.url);
  const csrf = await who.json<{ csrfToken: string }>('GET', '/api/auth/csrf');
  return postCredentials(who, csrf.body.csrfToken, email, password, client);
}

describe('sign-in limits', () => {
  test('typos behind one proxy do not lock out everyone behind it: the client address counts', async () => {
    const owner = await person(server.url, 'Owner');
    // 30 typos from one person, on 30 accounts (so no account's own limit is reached).
    for (let i = 0; i < 30; i += 1) {
      assert.equal((await attempt(uniqueEmail('typo'), 'wrong password!', '203.0.113.10')).outcome, 'wrong');
    }
    assert.equal((await attempt(uniqueEmail('typo'), 'wrong password!', '203.0.113.10')).outcome, 'slowed');
    // Someone else behind the same proxy is not affected.
    assert.equal((await attempt(owner.email, PASSWORD, '203.0.113.11')).outcome, 'signed-in');
  });

  test('wrong passwords from elsewhere slow the guesser down and never keep the owner out', async () => {
    const owner = await person(server.url, 'Owner');
    for (let i = 0; i < 5; i += 1) {
      assert.equal((await attempt(owner.email, 'wrong password!', '198.51.100.20')).outcome, 'wrong');
    }
    assert.equal((await attempt(owner.email, 'wrong password!', '198.51.100.20')).outcome, 'slowed', 'slowed');
    assert.equal((await attempt(owner.email, PASSWORD, '198.51.100.21')).outcome, 'signed-in', 'the owner gets in');
  });

  test('from the guesser’s own address, the owner is asked to wait seconds, not locked out', async () => {
    const owner = await person(server.url, 'Owner');
    for (let i = 0; i < 5; i += 1) {
      assert.equal((await attempt(owner.email, 'wrong password!', '198.51.100.30')).outcome, 'wrong');
    }
    const slowed = await attempt(owner.email, PASSWORD, '198.51.100.30');
    assert.equal(slowed.outcome, 'slowed');
    // The first delay is 5 s (server/auth/rate-limit.ts); that the attempt after it goes through
    // is the throttle's unit test (server/auth/guess-throttle.test.ts), without a clock to wait on.
    const seconds = Number(/Wait (\d+) seconds?/.exec(slowed.message)?.[1]);
    assert.ok(seconds >= 1 && seconds <= 5, `a short wait: ${slowed.message}`);
  });

  test('concurrent guesses are counted before they are checked: only five are tried', async () => {
    const owner = await person(server.url, 'Owner');
    const who = new TestClient(server.url);
    const csrf = await who.json<{ csrfToken: string }>('GET', '/api/auth/csrf');
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postCredentials(who, csrf.body.csrfToken, owner.email, `wrong password ${i}`, '192.0.2.40'),
      ),
    );
    const tried = guesses.filter((guess) => guess.outcome === 'wrong').length;
    const slowed = guesses.filter((guess) => guess.outcome === 'slowed').length;
    assert.equal(tried, 5, `passwords checked: ${tried}`);
    assert.equal(slowed, 15);
  });
});
