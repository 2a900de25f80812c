import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFromSyncProcess, parseToSyncProcess } from './messages';

test('upgrades, revalidations, board drops and close are parsed as sent', () => {
  const upgrade = { type: 'upgrade', method: 'GET', url: '/yjs/board/b1/attempt/1', headers: { cookie: 'a=b', 'x-list': ['1', '2'] }, head: '' };
  assert.deepEqual(parseToSyncProcess(upgrade), upgrade);
  assert.deepEqual(parseToSyncProcess({ type: 'revalidate', filter: { boardId: 'b1' } }), { type: 'revalidate', filter: { boardId: 'b1' } });
  assert.deepEqual(parseToSyncProcess({ type: 'revalidate', filter: {} }), { type: 'revalidate', filter: {} });
  assert.deepEqual(parseToSyncProcess({ type: 'drop-board', boardId: 'b1' }), { type: 'drop-board', boardId: 'b1' });
  assert.deepEqual(parseToSyncProcess({ type: 'close' }), { type: 'close' });
  assert.deepEqual(parseFromSyncProcess({ type: 'ready', pid: 42 }), { type: 'ready', pid: 42 });
});

test('anything else is refused, never half-read', () => {
  for (const message of [
    null,
    'close',
    [],
    { type: 'restart' },
    { type: 'upgrade', method: 'GET', url: '/yjs/x', headers: { cookie: 3 }, head: '' },
    { type: 'upgrade', method: 'GET', url: '/yjs/x', headers: {} },
    { type: 'upgrade', method: 'GET', url: 7, headers: {}, head: '' },
    { type: 'revalidate' },
    { type: 'revalidate', filter: { boardId: 5 } },
    // An empty board id would match every board's documents ("board//" never does, but no guessing).
    { type: 'drop-board', boardId: '' },
    { type: 'drop-board' },
  ]) {
    assert.equal(parseToSyncProcess(message), null, JSON.stringify(message));
  }
  assert.equal(parseFromSyncProcess({ type: 'ready' }), null);
  assert.equal(parseFromSyncProcess({ type: 'ready', pid: '42' }), null);
});
