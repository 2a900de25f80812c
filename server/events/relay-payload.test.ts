import assert from 'node:assert/strict';
import test from 'node:test';
import type { BusEvent } from './bus';
import { decodeRelayed, encodeRelayed, NOTIFY_PAYLOAD_LIMIT } from './relay-payload';

const RELAYED: BusEvent[] = [
  { type: 'session-revoked', sessionId: 's1' },
  { type: 'access-changed', boardId: 'b1' },
  { type: 'board-deleted', boardId: 'b1' },
  { type: 'board-changed', boardId: 'b1', topic: 'members', audience: { kind: 'board' }, detail: { removed: 'Fern' } },
  {
    type: 'notify',
    boardId: 'b1',
    to: { kind: 'interventionists', except: 'u1' },
    kind: 'question-asked',
    from: 'Zoë',
  },
  {
    type: 'run',
    boardId: 'b1',
    audience: { kind: 'private', userIds: ['u2'] },
    message: {
      kind: 'step-out',
      attempt: 1,
      runId: 'r1',
      stepOut: { seq: 3, at: 5, userId: 'u2', name: 'Gus' },
      now: 6,
    },
  },
];

function roundTrip(event: BusEvent): unknown {
  const encoded = encodeRelayed('p1', event);
  assert.ok(encoded.ok, `${event.type} is relayed`);
  const decoded = decodeRelayed(encoded.payload);
  assert.ok(decoded.ok, `${event.type} decodes`);
  assert.equal(decoded.envelope.from, 'p1');
  return decoded.envelope.event;
}

test('every relayed event comes back as it was sent, names past ASCII included', () => {
  for (const event of RELAYED) assert.deepEqual(roundTrip(event), event);
  const encoded = encodeRelayed('p1', RELAYED[4] as BusEvent);
  assert.ok(encoded.ok && !/[^\x20-\x7e]/.test(encoded.payload), 'the payload is plain ASCII');
});

test('a server edit is never relayed, and an event past the NOTIFY limit is not sent', () => {
  const edit: BusEvent = { type: 'doc-edit', boardId: 'b1', docName: 'd', userId: 'u', update: new Uint8Array(4) };
  assert.deepEqual(encodeRelayed('p1', edit), { ok: false, reason: 'not-relayed' });
  const big: BusEvent = {
    type: 'board-changed',
    boardId: 'b1',
    topic: 'letters',
    audience: { kind: 'board' },
    detail: { note: 'é'.repeat(NOTIFY_PAYLOAD_LIMIT / 6) },
  };
  assert.deepEqual(encodeRelayed('p1', big), { ok: false, reason: 'too-large' }, 'escaped, it passes the limit');
});

test('malformed payloads are refused with a reason, never thrown', () => {
  const bad = [
    undefined,
    '',
    'not json',
    'null',
    '[]',
    '{"from":"p1"}',
    '{"from":"","event":{"type":"access-changed","boardId":"b1"}}',
    '{"from":"p1","event":{"type":"access-changed"}}',
    '{"from":"p1","event":{"type":"access-changed","boardId":""}}',
    '{"from":"p1","event":{"type":"doc-edit","boardId":"b1","docName":"d","userId":"u","update":{}}}',
    '{"from":"p1","event":{"type":"board-changed","boardId":"b1","topic":"secrets","audience":{"kind":"board"},"detail":{}}}',
    '{"from":"p1","event":{"type":"board-changed","boardId":"b1","topic":"members","audience":{"kind":"private"},"detail":{}}}',
    '{"from":"p1","event":{"type":"run","boardId":"b1","audience":{"kind":"board"},"message":{"kind":"other","attempt":1}}}',
    '{"from":"p1","event":{"type":"run","boardId":"b1","audience":{"kind":"board"},"message":null}}',
    '{"from":"p1","event":{"type":"session-revoked","sessionId":{"$ne":1}}}',
  ];
  for (const payload of bad) {
    const decoded = decodeRelayed(payload);
    assert.equal(decoded.ok, false, String(payload));
    assert.ok(!decoded.ok && decoded.reason.length > 0);
  }
});
