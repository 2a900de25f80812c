import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocName } from './doc-path';

test('the doc name is the path after /yjs/, decoded once, without the query string', () => {
  assert.equal(parseDocName('/yjs/board/b1/attempt/1'), 'board/b1/attempt/1');
  assert.equal(parseDocName('/yjs/board/b1/letters/2/u%201?token=abc'), 'board/b1/letters/2/u 1');
  // Decoded once only: %2525 stays %25, so a name cannot be smuggled through double encoding.
  assert.equal(parseDocName('/yjs/board/%2525'), 'board/%25');
});

test('anything else has no name', () => {
  for (const url of [
    undefined,
    '/',
    '/yjs',
    '/yjs/',
    '/yjs/?x=1',
    '/other/board/b1',
    '/yjs/%E0%A4%A',
    '/yjs/a%00b',
    `/yjs/${'a'.repeat(600)}`,
  ]) {
    assert.equal(parseDocName(url), null, String(url));
  }
});
