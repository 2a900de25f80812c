import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode } from 'next-auth/jwt';
import { untilBrowserCloses } from './browser-session-cookie';

const secret = 'a test secret that is long enough to sign tokens with';
const expires = 'Expires=Tue, 08 Dec 2026 10:00:00 GMT';

async function answerSetting(cookies: string[]): Promise<Response> {
  const headers = new Headers();
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response('{}', { headers });
}

test("a shared computer's session cookie loses its lifetime; other cookies keep theirs", async () => {
  const shared = await encode({ token: { sid: 's1', uid: 'u1', shared: true }, secret });
  const own = await encode({ token: { sid: 's2', uid: 'u1', shared: false }, secret });
  const response = await untilBrowserCloses(
    await answerSetting([
      `next-auth.session-token=${shared}; Path=/; ${expires}; Max-Age=604800; HttpOnly; SameSite=Lax`,
      `next-auth.csrf-token=abc; Path=/; ${expires}; HttpOnly`,
    ]),
    secret,
  );
  const [session, csrf] = response.headers.getSetCookie();
  assert.equal(session, `next-auth.session-token=${shared}; Path=/; HttpOnly; SameSite=Lax`);
  assert.equal(csrf, `next-auth.csrf-token=abc; Path=/; ${expires}; HttpOnly`);

  const ownLine = `__Secure-next-auth.session-token=${own}; Path=/; ${expires}; HttpOnly; Secure`;
  const untouched = await untilBrowserCloses(await answerSetting([ownLine]), secret);
  assert.deepEqual(untouched.headers.getSetCookie(), [ownLine]);
});

test('a deletion, a token from another secret and a malformed one are left as they are', async () => {
  const foreign = await encode({ token: { shared: true }, secret: 'another secret of enough length here' });
  const lines = [
    `next-auth.session-token=; Path=/; Max-Age=0`,
    `next-auth.session-token=${foreign}; Path=/; ${expires}`,
    `next-auth.session-token=not-a-token; Path=/; ${expires}`,
  ];
  for (const line of lines) {
    const response = await untilBrowserCloses(await answerSetting([line]), secret);
    assert.deepEqual(response.headers.getSetCookie(), [line]);
  }
});
