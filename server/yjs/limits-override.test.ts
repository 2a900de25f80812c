import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RealtimeLimitsFromEnv } from './limits-override';

test('absent or blank means no override', () => {
  assert.deepEqual(RealtimeLimitsFromEnv.parse(undefined), {});
  assert.deepEqual(RealtimeLimitsFromEnv.parse('  '), {});
});

test('a JSON object of known limits is taken as given', () => {
  assert.deepEqual(RealtimeLimitsFromEnv.parse('{"idleRoomMs":0,"messagesPerSecond":1000}'), {
    idleRoomMs: 0,
    messagesPerSecond: 1000,
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
    '{"maxFrameBytes":1.5}',
  ]) {
    assert.equal(RealtimeLimitsFromEnv.safeParse(bad).success, false, bad);
  }
});
