import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDocName, parseDocName } from './doc-names';

const B = 'AbCdEfGhIjKlMnOpQrStUv';
const U = 'u_123456789012345678-x';

test('valid names round-trip', () => {
  for (const name of [
    `board/${B}/attempt/1`,
    `board/${B}/attempt/42`,
    `board/${B}/letters/2/${U}`,
    `board/${B}/notes`,
    `board/${B}/debrief/1`,
    `board/${B}/debrief/99`,
  ]) {
    const parsed = parseDocName(name);
    assert.ok(parsed, name);
    assert.equal(formatDocName(parsed), name);
  }
});

test('anything else is refused', () => {
  const bad = [
    '',
    'board',
    `board/${B}`,
    `board/${B}/attempt/0`,
    `board/${B}/attempt/01`,
    `board/${B}/attempt/100`,
    `board/${B}/attempt/-1`,
    `board/${B}/attempt/1/extra`,
    `board/${B}/letters/1`,
    `board/${B}/letters/1/${U}/x`,
    `board/${B}/letters/1/..`,
    `board/${B}/notes/`,
    `board/../${B}/notes`,
    `board/short/notes`,
    `board/${B}/NOTES`,
    `Board/${B}/notes`,
    `board/${B}%2fnotes`,
    `board/${B}/attempt/1 `,
    `/board/${B}/notes`,
    `board/${B}/debrief`,
    `board/${B}/debrief/`,
    `board/${B}/debrief/0`,
    `board/${B}/debrief/01`,
    `board/${B}/debrief/100`,
    `board/${B}/debrief/1/extra`,
    `board/${B}/debrief/1/${U}`,
    `board/${B}/Debrief/1`,
    `board/${B}/debriefs/1`,
  ];
  for (const name of bad) assert.equal(parseDocName(name), null, JSON.stringify(name));
});
