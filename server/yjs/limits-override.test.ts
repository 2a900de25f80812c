import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRealtimeLimits } from './limits-override';

test('absent or blank means no override', () => {
  assert.deepEqual(parseRealtimeLimits(undefined), { limits: {}, issues: [] });
  assert.deepEqual(parseRealtimeLimits('  '), { limits: {}, issues: [] });
});

test('a JSON object of known limits is taken as given', () => {
  assert.deepEqual(parseRealtimeLimits('{"idleRoomMs":0,"messagesPerSecond":1000}'), {
    limits: { idleRoomMs: 0, messagesPerSecond: 1000 },
    issues: [],
  });
});

test('not JSON, unknown keys, wrong types and negative or zero rates are refused', () => {
  for (const bad of [
    'idleRoomMs=0',
    '{"idleRoomMS":0}',
    '{"idleRoomMs":"0"}',
    '{"idleRoomMs":-1}',
    '{"messagesPerSecond":0}',
    '[1]',
    'null',
    '3',
    '{"maxFrameBytes":1.5}',
    '{"maxFrameBytes":1e300}',
    '{"__proto__":{"maxFrameBytes":1}}',
  ]) {
    assert.notDeepEqual(parseRealtimeLimits(bad).issues, [], bad);
  }
});

test('each refusal names the limit it is about', () => {
  assert.deepEqual(parseRealtimeLimits('{"idleRoomMs":-1,"idleRoomMS":0}').issues, [
    { key: 'idleRoomMs', message: 'must be a whole number, 0 or more' },
    { message: '"idleRoomMS" is not a realtime limit' },
  ]);
  assert.deepEqual(parseRealtimeLimits('[1]').issues, [{ message: 'must be a JSON object of realtime limits' }]);
});
