import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFromSyncProcess, parseToSyncProcess } from './messages';

test('upgrades, revalidations, board drops and close are parsed as sent', () => {
  const upgrade = {
    type: 'upgrade',
    method: 'GET',
    url: '/yjs/board/b1/attempt/1',
    headers: { cookie: 'a=b', 'x-list': ['1', '2'] },
    head: '',
    session: { sessionId: 's1', userId: 'u1' },
  };
  assert.deepEqual(parseToSyncProcess(upgrade), upgrade);
  assert.deepEqual(parseToSyncProcess({ ...upgrade, session: null }), { ...upgrade, session: null });
  assert.deepEqual(parseToSyncProcess({ type: 'revalidate', id: 3, filter: { boardId: 'b1' } }), {
    type: 'revalidate',
    id: 3,
    filter: { boardId: 'b1' },
  });
  assert.deepEqual(parseToSyncProcess({ type: 'revalidate', id: 0, filter: {} }), {
    type: 'revalidate',
    id: 0,
    filter: {},
  });
  assert.deepEqual(parseToSyncProcess({ type: 'drop-board', id: 4, boardId: 'b1' }), {
    type: 'drop-board',
    id: 4,
    boardId: 'b1',
  });
  assert.deepEqual(parseToSyncProcess({ type: 'close' }), { type: 'close' });
  assert.deepEqual(parseFromSyncProcess({ type: 'ready', pid: 42 }), { type: 'ready', pid: 42 });
  assert.deepEqual(parseFromSyncProcess({ type: 'revalidated', id: 3 }), { type: 'revalidated', id: 3 });
  assert.deepEqual(parseFromSyncProcess({ type: 'dropped', id: 4 }), { type: 'dropped', id: 4 });
});

test('anything else is refused, never half-read', () => {
  for (const message of [
    null,
    'close',
    [],
    { type: 'restart' },
    { type: 'upgrade', method: 'GET', url: '/yjs/x', headers: { cookie: 3 }, head: '', session: null },
    { type: 'upgrade', method: 'GET', url: '/yjs/x', headers: {}, session: null },
    { type: 'upgrade', method: 'GET', url: 7, headers: {}, head: '', session: null },
    // Who the socket is comes from the web process's check of its cookie, or it is nobody: never guessed.
    { type: 'upgrade', method: 'GET', url: '/yjs/x', headers: {}, head: '' },
    { type: 'upgrade', method: 'GET', url: '/yjs/x', headers: {}, head: '', session: { sessionId: 's1' } },
    { type: 'upgrade', method: 'GET', url: '/yjs/x', headers: {}, head: '', session: { sessionId: 's1', userId: 2 } },
    { type: 'upgrade', method: 'GET', url: '/yjs/x', headers: {}, head: '', session: 'u1' },
    { type: 'revalidate' },
    { type: 'revalidate', id: 1, filter: { boardId: 5 } },
    // Without its id the web process could not be told when it is done.
    { type: 'revalidate', filter: { boardId: 'b1' } },
    { type: 'revalidate', id: -1, filter: {} },
    { type: 'revalidate', id: 1.5, filter: {} },
    // An empty board id would match every board's documents ("board//" never does, but no guessing).
    { type: 'drop-board', id: 1, boardId: '' },
    { type: 'drop-board', id: 1 },
    // Without its id the web process could not wait until the board is gone from the files.
    { type: 'drop-board', boardId: 'b1' },
  ]) {
    assert.equal(parseToSyncProcess(message), null, JSON.stringify(message));
  }
  assert.equal(parseFromSyncProcess({ type: 'ready' }), null);
  assert.equal(parseFromSyncProcess({ type: 'ready', pid: '42' }), null);
  assert.equal(parseFromSyncProcess({ type: 'revalidated' }), null);
  assert.equal(parseFromSyncProcess({ type: 'revalidated', id: 'x' }), null);
  assert.equal(parseFromSyncProcess({ type: 'dropped' }), null);
});
