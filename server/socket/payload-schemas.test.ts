import assert from 'node:assert/strict';
import test from 'node:test';
import { BoardRefSchema, PresenceUpdateSchema } from './payload-schemas';

test('honest payloads pass as they are', () => {
  assert.deepEqual(BoardRefSchema.parse({ boardId: 'b1' }), { boardId: 'b1' });
  assert.deepEqual(PresenceUpdateSchema.parse({ boardId: 'b1', section: 'logistics' }), {
    boardId: 'b1',
    section: 'logistics',
  });
  assert.deepEqual(PresenceUpdateSchema.parse({ boardId: 'b1', section: null }), { boardId: 'b1', section: null });
});

test('whatever else a browser sends is refused, whatever the event maps promise', () => {
  for (const payload of [undefined, null, 'b1', 42, [], {}, { boardId: 7 }, { boardId: 'x'.repeat(65) }]) {
    assert.equal(BoardRefSchema.safeParse(payload).success, false, JSON.stringify(payload));
  }
  assert.equal(PresenceUpdateSchema.safeParse({ boardId: 'b1' }).success, false, 'section missing');
  assert.equal(
    PresenceUpdateSchema.safeParse({ boardId: 'b1', section: 's'.repeat(65) }).success,
    false,
    'section too long',
  );
});

test('unknown fields are dropped, so nothing unchecked travels further', () => {
  assert.deepEqual(BoardRefSchema.parse({ boardId: 'b1', role: 'interventionist' }), { boardId: 'b1' });
});
