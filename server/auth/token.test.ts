import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cookieValues, parseCookieHeader, SESSION_COOKIE_NAMES, sessionTokenFrom } from './token';

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

test('of two cookies with one name, the parsed map keeps the first; cookieValues sees both', () => {
  assert.equal(parseCookieHeader('token=first; token=second').get('token'), 'first');
  assert.deepEqual(cookieValues('token=first; other=x; token=sec%6Fnd', 'token'), ['first', 'second']);
  assert.deepEqual(cookieValues(undefined, 'token'), []);
});

test('two session cookies under one name sign nobody in', () => {
  const [secure, plain] = SESSION_COOKIE_NAMES;
  assert.equal(sessionTokenFrom(`${plain}=mine; a=1; ${plain}=planted`), undefined);
  assert.equal(sessionTokenFrom(`${secure}=mine; ${secure}=planted; ${plain}=other`), undefined);
});

test('a name like __proto__ is an ordinary cookie', () => {
  const cookies = parseCookieHeader('__proto__=x; constructor=y');
  assert.equal(cookies.get('__proto__'), 'x');
  assert.equal(cookies.get('constructor'), 'y');
});

test("the session token is found under either of next-auth's names, the https one first", () => {
  const [secure, plain] = SESSION_COOKIE_NAMES;
  assert.equal(sessionTokenFrom(`${plain}=plain; ${secure}=secure`), 'secure');
  assert.equal(sessionTokenFrom(`${plain}=plain`), 'plain');
  assert.equal(sessionTokenFrom(undefined), undefined);
});
