import assert from 'node:assert/strict';
import { test } from 'node:test';
import { originVerdict } from './origin';
import { isJsonContentType } from './edge';

const APP = 'https://harbor.example';

test('only the exact origin of the app is its own; no Origin header is a non-browser client', () => {
  const cases: Array<[string | string[] | null | undefined, ReturnType<typeof originVerdict>]> = [
    ['https://harbor.example', 'same-origin'],
    [undefined, 'absent'],
    [null, 'absent'],
    ['https://evil.example', 'foreign'],
    ['https://boards.harbor.example', 'foreign'],
    ['https://harbor.example.evil.example', 'foreign'],
    ['http://harbor.example', 'foreign'],
    ['https://harbor.example:8443', 'foreign'],
    ['https://harbor.example/', 'foreign'],
    ['null', 'foreign'],
    ['', 'foreign'],
    [['https://harbor.example', 'https://harbor.example'], 'foreign'],
  ];
  for (const [origin, verdict] of cases) assert.equal(originVerdict(origin, APP), verdict, JSON.stringify(origin));
});

test('a JSON body type is application/json, with or without parameters', () => {
  for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON ;charset=UTF-8']) {
    assert.equal(isJsonContentType(type), true, type);
  }
  for (const type of [
    null,
    '',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'text/json',
    'application/jsonp',
    'application/json-patch+json',
  ]) {
    assert.equal(isJsonContentType(type), false, String(type));
  }
});
