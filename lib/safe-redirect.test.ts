import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeRedirectPath } from './safe-redirect';

test('paths of this site are followed, as the browser resolves them', () => {
  const followed: Array<[string, string]> = [
    ['/', '/'],
    ['/boards/abc', '/boards/abc'],
    ['/boards/abc/history?doc=x#moment', '/boards/abc/history?doc=x#moment'],
    ['/invite/tok_en-1', '/invite/tok_en-1'],
    ['/boards/../boards/abc', '/boards/abc'],
    ['/a b', '/a%20b'],
  ];
  for (const [value, path] of followed) assert.equal(safeRedirectPath(value), path, JSON.stringify(value));
});

test('anything that could land on another site, or is not a path, goes to the fallback', () => {
  const refused = [
    // Browsers strip tab, newline and carriage return from URLs: these are "//evil.example".
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    // A backslash is a slash to a browser.
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    // Protocol-relative and absolute URLs.
    '//evil.example',
    '///evil.example',
    'https://evil.example/',
    'http:evil.example',
    'javascript:alert(1)',
    'data:text/html,hi',
    // A path that resolves to one starting with "//".
    '/.//evil.example',
    '/x/..//evil.example',
    // Other control characters, DEL and C1 controls.
    '/boards\u0000/x',
    '/boards\u001b',
    '/boards\u007f',
    '/boards\u0085',
    // Not a path at all.
    'boards/abc',
    ' /boards',
    '',
  ];
  for (const value of refused) assert.equal(safeRedirectPath(value), '/', JSON.stringify(value));
  assert.equal(safeRedirectPath(null), '/');
  assert.equal(safeRedirectPath(undefined), '/');
  assert.equal(safeRedirectPath('//evil.example', '/boards'), '/boards', 'the fallback is the caller’s');
});
