import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCookieHeader, SESSION_COOKIE_NAMES, sessionTokenFrom } from './token';

test('a Cookie header is read as names and decoded values', () => {
  assert.deepEqual(
    [...parseCookieHeader('a=1; next-auth.session-token=x.y.z;b=%C3%A9%20ok ;  c = 3 ')],
    [
      ['a', '1'],
      ['next-auth.session-token', 'x.y.z'],
      ['b', 'é ok'],
      ['c', '3'],
    ],
  );
  assert.equal(parseCookieHeader(undefined).size, 0);
  assert.equal(parseCookieHeader('').size, 0);
});

test('a malformed percent-escape is kept as sent, and a part without a value is skipped', () => {
  const cookies = parseCookieHeader('bad=%E0%A4%A; junk; good=%41');
  assert.equal(cookies.get('bad'), '%E0%A4%A');
  assert.equal(cookies.get('good'), 'A');
  assert.equal(cookies.has('junk'), false);
});

// Next's own cookie reader (the HTTP side) keeps the last; a browser sends the cookie with the
// longest path first, so the first is the one set most specifically for this path.
test('of two cookies with one name, the first counts', () => {
  assert.equal(parseCookieHeader('token=first; token=second').get('token'), 'first');
});

test('a name like __proto__ is an ordinary cookie', () => {
  const cookies = parseCookieHeader('__proto__=x; constructor=y');
  assert.equal(cookies.get('__proto__'), 'x');
  assert.equal(cookies.get('constructor'), 'y');
});

test("the session token is found under either of next-auth's names, the https one first", () => {
  const [secure, plain] = SESSION_COOKIE_NAMES;
  const cookies = parseCookieHeader(`${plain}=plain; ${secure}=secure`);
  assert.equal(
    sessionTokenFrom((name) => cookies.get(name)),
    'secure',
  );
  assert.equal(
    sessionTokenFrom((name) => parseCookieHeader(`${plain}=plain`).get(name)),
    'plain',
  );
  assert.equal(
    sessionTokenFrom(() => undefined),
    undefined,
  );
});
