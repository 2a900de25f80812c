import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endpointFor } from './endpoints';

const two = { wsBases: ['ws://127.0.0.1:1', 'ws://127.0.0.1:2'], origin: 'http://127.0.0.1:1' };

test('one process: every socket to its address, with the Origin of that address', () => {
  assert.deepEqual(endpointFor('ws://127.0.0.1:9', null, 5), { wsBase: 'ws://127.0.0.1:9', origin: null });
  assert.deepEqual(endpointFor('ws://127.0.0.1:9', undefined, 0), { wsBase: 'ws://127.0.0.1:9', origin: null });
});

test('two processes: sockets alternate, all sending the public origin', () => {
  const at = [0, 1, 2, 3].map((i) => endpointFor('ws://127.0.0.1:1', two, i));
  assert.deepEqual(
    at.map((e) => e.wsBase),
    ['ws://127.0.0.1:1', 'ws://127.0.0.1:2', 'ws://127.0.0.1:1', 'ws://127.0.0.1:2'],
  );
  assert.ok(at.every((e) => e.origin === 'http://127.0.0.1:1'));
});
