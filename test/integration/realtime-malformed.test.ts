/**
 * Malformed input through the real server, from a signed-in writer (the worst case: the socket
 * is accepted and allowed to write). Two layers:
 * - y-protocols messages: seeded random frames, truncated and padded messages, huge length
 *   prefixes, overlong varints, wrong message and sync types, garbage updates, text frames,
 *   oversized frames, sent over a `ws` client;
 * - websocket framing itself, over raw TCP after a real upgrade: unmasked frames, reserved
 *   opcodes and bits, forged 64-bit lengths, bad fragmentation, truncated frames.
 * Each case gets its own socket, which must be closed (when the input is invalid); the server
 * stays up (HTTP answers), two providers on the same document keep syncing, and the stored
 * document holds exactly their edits.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as Y from 'yjs';
import { CloseCode } from '../../lib/protocol/close-codes';
import { DEFAULT_LIMITS } from '../../server/yjs/limits';
import { addMember, createBoard, person, planDoc } from '../helpers/board';
import { type RunningServer, startServer } from '../helpers/server';
import { encodeFrame, RawTcpWebSocket } from '../helpers/ws-frames';
import { bytesOf } from '../helpers/bytes';
import {
  awarenessMessage,
  awarenessPayload,
  awarenessPayloadOfJson,
  MessageType,
  parseFrame,
  syncStep1,
  syncStep2,
  SyncType,
  syncUpdate,
  varUint,
} from '../helpers/frames';
import { prng } from '../helpers/prng';
import { openProvider, type ProviderClient, synced } from '../helpers/providers';
import { RawYjsSocket } from '../helpers/sockets';
import { readStoreOf } from '../helpers/store-reader';
import { waitFor } from '../helpers/wait';

let server: RunningServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.dispose();
});

const SEED = Number(process.env.FUZZ_SEED ?? 8_675_309);
const MESSAGE_CASES = Number(process.env.MALFORMED_CASES ?? 240);
const FUZZ_MARK = 'FUZZ-PAYLOAD';

interface MessageCase {
  kind: string;
  payload: Uint8Array | string;
  /** False only for random bytes, which may happen to form a valid, harmless message. */
  mustClose: boolean;
  /** Close codes that are right for this case. */
  codes: number[];
}

/** Valid messages carrying FUZZ_MARK, as raw material; never sent whole. */
function validMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, `${FUZZ_MARK} inserted by a fuzz case`);
  doc.getMap('plan').set('fuzz', { mark: FUZZ_MARK, list: [1, 2, 3] });
  const update = Y.encodeStateAsUpdate(doc);
  const stateVector = Y.encodeStateVector(doc);
  doc.destroy();
  return [
    syncUpdate(update),
    syncStep2(update),
    syncStep1(stateVector),
    awarenessMessage(awarenessPayload([{ clientId: 77_000_001, clock: 1, state: { user: FUZZ_MARK } }])),
  ];
}

/**
 * Whether bytes could be a sync message whose update changes a document. Random cases that
 * could are left out, so that "the stored document is unchanged" stays a correct assertion.
 */
function couldChangeDoc(bytes: Uint8Array): boolean {
  try {
    const frame = parseFrame(bytes);
    if (frame.type !== MessageType.Sync) return false;
    if (frame.syncType !== SyncType.Step2 && frame.syncType !== SyncType.Update) return false;
    const { structs, ds } = Y.decodeUpdate(frame.payload);
    return structs.length > 0 || ds.clients.size > 0;
  } catch {
    return false;
  }
}

function decodesAsUpdate(bytes: Uint8Array): boolean {
  try {
    Y.decodeUpdate(bytes);
    return true;
  } catch {
    return false;
  }
}

function messageCases(seed: number, count: number): MessageCase[] {
  const random = prng(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const bytes = (n: number): number[] => Array.from({ length: n }, () => int(256));
  const valid = validMessages();
  const pick = (): Uint8Array => valid[int(valid.length)] as Uint8Array;
  const MALFORMED = [CloseCode.MalformedMessage];
  const makers: Array<() => MessageCase | null> = [
    () => {
      const payload = new Uint8Array(bytes(1 + int(random() < 0.2 ? 4000 : 64)));
      return couldChangeDoc(payload) ? null : { kind: 'random bytes', payload, mustClose: false, codes: MALFORMED };
    },
    () => {
      const message = pick();
      return {
        kind: 'truncated',
        payload: message.slice(0, 1 + int(message.length - 1)),
        mustClose: true,
        codes: MALFORMED,
      };
    },
    () => ({
      kind: 'trailing bytes',
      payload: new Uint8Array([...pick(), ...bytes(1 + int(8))]),
      mustClose: true,
      codes: MALFORMED,
    }),
    () => {
      const huge = [2 ** 31, 2 ** 32 + 7, 2 ** 40, Number.MAX_SAFE_INTEGER][int(4)] as number;
      const prefix = [[0, 2], [0, 1], [0, 0], [1]][int(4)] as number[];
      return {
        kind: 'huge length prefix',
        payload: new Uint8Array([...prefix, ...varUint(huge), ...bytes(int(16))]),
        mustClose: true,
        codes: MALFORMED,
      };
    },
    () => {
      // The varint of the message type, the sync type or the length runs past 56 bits.
      const prefix = [[], [0], [0, 2], [1]][int(4)] as number[];
      return {
        kind: 'overlong varint',
        payload: new Uint8Array([...prefix, ...Array<number>(9 + int(10)).fill(0xff), 1]),
        mustClose: true,
        codes: MALFORMED,
      };
    },
    () => {
      // A well-framed awareness message whose entry claims a huge state string.
      const inner = [1, ...varUint(7), 1, ...varUint(2 ** 30), 0x7b];
      return {
        kind: 'huge inner length',
        payload: new Uint8Array([1, ...varUint(inner.length), ...inner]),
        mustClose: true,
        codes: MALFORMED,
      };
    },
    () => {
      // Auth (2) only flows server -> client; the rest are unknown.
      const type = [2, 4, 5, 17, 127, 128, 300, 2 ** 20][int(8)] as number;
      return {
        kind: 'wrong message type',
        payload: new Uint8Array([...varUint(type), ...bytes(int(12))]),
        mustClose: true,
        codes: MALFORMED,
      };
    },
    () => ({
      kind: 'wrong sync type',
      payload: new Uint8Array([0, 3 + int(120), 1, 0]),
      mustClose: true,
      codes: MALFORMED,
    }),
    () => ({ kind: 'empty frame', payload: new Uint8Array(0), mustClose: true, codes: MALFORMED }),
    () => {
      const garbage = new Uint8Array(bytes(4 + int(80)));
      // Only garbage Yjs refuses to decode: a decodable one might be a valid edit.
      return decodesAsUpdate(garbage)
        ? null
        : { kind: 'garbage update', payload: syncUpdate(garbage), mustClose: true, codes: MALFORMED };
    },
    () => ({
      kind: 'awareness with bad JSON',
      payload: awarenessMessage(awarenessPayloadOfJson([{ clientId: 99, clock: 1, json: '{"broken":' }])),
      mustClose: true,
      codes: MALFORMED,
    }),
    () => ({
      kind: 'text frame',
      payload: String.fromCharCode(...bytes(1 + int(40)).map((b) => 32 + (b % 90))),
      mustClose: true,
      codes: MALFORMED,
    }),
  ];
  const cases: MessageCase[] = [];
  for (let i = 0; cases.length < count; i++) {
    const made = (makers[i % makers.length] as () => MessageCase | null)();
    if (made) cases.push(made);
  }
  // One frame over the payload limit: `ws` refuses it with 1009 before it is even read.
  cases.push({
    kind: 'oversized frame',
    payload: new Uint8Array(DEFAULT_LIMITS.maxFrameBytes + 1),
    mustClose: true,
    codes: [CloseCode.MessageTooBig],
  });
  return cases;
}

interface FrameCase {
  kind: string;
  frames: Buffer[];
  /** What the client does after writing: nothing, half-close or reset. */
  then?: 'end' | 'destroy';
  /** Close codes the server may answer with; empty when only the TCP close is observable. */
  codes: number[];
}

function frameCases(): FrameCase[] {
  const valid = validMessages()[0] as Uint8Array;
  const MB = 1024 * 1024;
  const BINARY = 0x2;
  const TEXT = 0x1;
  const CONTINUATION = 0x0;
  const CLOSE = 0x8;
  const PING = 0x9;
  const PROTOCOL = [1002];
  return [
    {
      kind: 'unmasked frame carrying a valid update',
      frames: [encodeFrame({ opcode: BINARY, payload: valid, mask: false })],
      codes: PROTOCOL,
    },
    { kind: 'reserved data opcode 0x3', frames: [encodeFrame({ opcode: 0x3, payload: valid })], codes: PROTOCOL },
    { kind: 'reserved control opcode 0xB', frames: [encodeFrame({ opcode: 0xb })], codes: PROTOCOL },
    {
      kind: 'RSV1 without an extension',
      frames: [encodeFrame({ opcode: BINARY, payload: valid, rsv: 4 })],
      codes: PROTOCOL,
    },
    { kind: 'RSV2 and RSV3', frames: [encodeFrame({ opcode: BINARY, payload: valid, rsv: 3 })], codes: PROTOCOL },
    {
      kind: '64-bit length 2^63',
      frames: [encodeFrame({ opcode: BINARY, declaredLength: 2n ** 63n })],
      codes: [1009, 1002],
    },
    {
      kind: '64-bit length 2^53',
      frames: [encodeFrame({ opcode: BINARY, declaredLength: 2n ** 53n })],
      codes: [1009, 1002],
    },
    {
      kind: 'declared length just over maxPayload',
      frames: [encodeFrame({ opcode: BINARY, declaredLength: BigInt(DEFAULT_LIMITS.maxFrameBytes + 1) })],
      codes: [1009],
    },
    {
      kind: 'fragments adding up over maxPayload',
      frames: [
        encodeFrame({ opcode: BINARY, fin: false, payload: new Uint8Array(MB) }),
        encodeFrame({ opcode: CONTINUATION, fin: false, payload: new Uint8Array(MB) }),
        encodeFrame({ opcode: CONTINUATION, fin: true, payload: new Uint8Array(MB) }),
      ],
      codes: [1009],
    },
    { kind: 'fragmented control frame', frames: [encodeFrame({ opcode: PING, fin: false })], codes: PROTOCOL },
    {
      kind: 'control frame over 125 bytes',
      frames: [encodeFrame({ opcode: PING, payload: new Uint8Array(126) })],
      codes: PROTOCOL,
    },
    {
      kind: 'continuation without a start',
      frames: [encodeFrame({ opcode: CONTINUATION, payload: valid })],
      codes: PROTOCOL,
    },
    {
      kind: 'new message inside a fragmented one',
      frames: [
        encodeFrame({ opcode: BINARY, fin: false, payload: valid.slice(0, 4) }),
        encodeFrame({ opcode: BINARY, payload: valid }),
      ],
      codes: PROTOCOL,
    },
    {
      kind: 'close frame with a 1-byte payload',
      frames: [encodeFrame({ opcode: CLOSE, payload: new Uint8Array([3]) })],
      codes: PROTOCOL,
    },
    {
      kind: 'close frame with reserved code 1005',
      frames: [encodeFrame({ opcode: CLOSE, payload: new Uint8Array([0x03, 0xed]) })],
      codes: PROTOCOL,
    },
    {
      kind: 'text frame of invalid UTF-8',
      frames: [encodeFrame({ opcode: TEXT, payload: new Uint8Array([0xff, 0xfe, 0xc3]) })],
      codes: [1007],
    },
    {
      kind: 'fragmented y message that is truncated once reassembled',
      frames: [
        encodeFrame({ opcode: BINARY, fin: false, payload: valid.slice(0, 3) }),
        encodeFrame({ opcode: CONTINUATION, fin: true, payload: valid.slice(3, valid.length - 2) }),
      ],
      codes: [CloseCode.MalformedMessage],
    },
    {
      kind: 'truncated frame, then FIN',
      frames: [encodeFrame({ opcode: BINARY, payload: valid }).subarray(0, 10)],
      then: 'end',
      codes: [],
    },
    {
      kind: 'truncated frame, then reset',
      frames: [encodeFrame({ opcode: BINARY, payload: valid }).subarray(0, 10)],
      then: 'destroy',
      codes: [],
    },
  ];
}

test('malformed frames and messages from a signed-in writer close only that socket', async () => {
  const url = server.url;
  const ivy = await person(url, 'Ivy');
  const fern = await person(url, 'Fern');
  const board = await createBoard(ivy, 'Malformed');
  await addMember(ivy, board, fern, 'family');
  const plan = planDoc(board);
  const cookie = ivy.cookieHeader();
  const a: ProviderClient = openProvider(url, cookie, plan, { label: 'ivy' });
  const b: ProviderClient = openProvider(url, fern.cookieHeader(), plan, { label: 'fern' });
  const db = readStoreOf(server);
  let edits = 0;
  const liveEdit = async (label: string): Promise<void> => {
    a.doc.getText('text').insert(a.doc.getText('text').length, `${label};`);
    edits++;
    const expected = a.doc.getText('text').toString();
    await waitFor(() => b.doc.getText('text').toString() === expected, `${label}: fern keeps syncing`);
    await waitFor(async () => (await db.loggedCount(plan)) === edits, `${label}: stored`);
  };
  /** The stored document is exactly what the two providers wrote. */
  const assertStoredUnchanged = async (label: string): Promise<void> => {
    assert.equal(await db.loggedCount(plan), edits, `${label}: nothing else was logged`);
    const doc = await db.doc(plan);
    try {
      assert.equal(doc.getText('text').toString(), a.doc.getText('text').toString(), `${label}: stored text`);
      assert.deepEqual(doc.getMap('plan').toJSON(), {}, `${label}: stored map`);
      assert.deepEqual(Y.encodeStateVector(doc), Y.encodeStateVector(a.doc), `${label}: stored state vector`);
    } finally {
      doc.destroy();
    }
  };
  const assertServerUp = async (label: string): Promise<void> => {
    const res = await fetch(`${url}/api/auth/csrf`);
    assert.equal(res.status, 200, `${label}: HTTP still answers`);
    await res.arrayBuffer();
  };

  try {
    await Promise.all([synced(a), synced(b)]);
    await liveEdit('before');

    // y-protocols messages over a `ws` client.
    const cases = messageCases(SEED, MESSAGE_CASES);
    const outcomes = new Map<string, { closed: number; open: number }>();
    const runMessageCase = async (fuzz: MessageCase, index: number): Promise<void> => {
      const socket = await RawYjsSocket.connect(url, plan, cookie, `${fuzz.kind} #${index}`);
      socket.send(fuzz.payload);
      let code: number | null = null;
      try {
        await socket.roundtrip();
      } catch {
        code = (await socket.closed).code;
      }
      if (socket.isClosed) code = socket.closeInfo?.code ?? code;
      const tally = outcomes.get(fuzz.kind) ?? { closed: 0, open: 0 };
      if (code === null) tally.open++;
      else tally.closed++;
      outcomes.set(fuzz.kind, tally);
      if (fuzz.mustClose) assert.notEqual(code, null, `${fuzz.kind} #${index} (seed ${SEED}) was not closed`);
      if (code !== null)
        assert.ok(fuzz.codes.includes(code), `${fuzz.kind} #${index} (seed ${SEED}) closed with ${code}`);
      assert.equal(socket.receivedContains(bytesOf(FUZZ_MARK)), false, `${fuzz.kind} #${index}: nothing of it echoed`);
      socket.terminate();
    };
    const BATCH = 24;
    for (let start = 0; start < cases.length; start += BATCH) {
      const batch = cases.slice(start, start + BATCH);
      await Promise.all(batch.map((fuzz, i) => runMessageCase(fuzz, start + i)));
      const label = `message cases ${start}-${start + batch.length - 1}`;
      await assertServerUp(label);
      await assertStoredUnchanged(label);
      await liveEdit(`after ${start}`);
    }

    // Websocket framing over raw TCP.
    const frames = frameCases();
    for (const [index, fuzz] of frames.entries()) {
      const socket = await RawTcpWebSocket.connect(server.port, plan, cookie);
      for (const frame of fuzz.frames) socket.write(frame);
      if (fuzz.then === 'end') socket.end();
      if (fuzz.then === 'destroy') socket.destroy();
      if (fuzz.codes.length > 0) {
        await waitFor(() => socket.closeCode() !== null || socket.ended, `${fuzz.kind}: closed by the server`, 3000);
        const code = socket.closeCode();
        assert.ok(code !== null && fuzz.codes.includes(code), `${fuzz.kind} (#${index}) closed with ${code}`);
      } else if (fuzz.then === 'end') {
        assert.equal(await socket.closedWithin(3000), true, `${fuzz.kind}: the server hung up`);
      }
      socket.destroy();
      await assertServerUp(fuzz.kind);
      await assertStoredUnchanged(fuzz.kind);
    }
    await liveEdit('after frames');

    assert.deepEqual(a.closes, [], 'the other clients were never disconnected');
    assert.deepEqual(b.closes, []);
    assert.equal(await db.contains(bytesOf(FUZZ_MARK)), false, 'no fuzz content stored');
    assert.equal(b.doc.getText('text').toString().includes(FUZZ_MARK), false);
    assert.equal(b.doc.getMap('plan').size, 0);
    assert.ok((outcomes.get('random bytes')?.closed ?? 0) > 0, 'random bytes are mostly refused');
    const total = cases.length + frames.length;
    console.log(
      `malformed input: ${total} cases (${cases.length} y-protocols messages, seed ${SEED}; ${frames.length} websocket framing); ` +
        `outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
  } finally {
    await db.close();
    a.destroy();
    b.destroy();
  }
});
