/**
 * The malformed input test/integration/realtime-malformed.test.ts sends a signed-in writer's
 * socket: seeded y-protocols messages (random, truncated, padded, huge lengths, overlong varints,
 * wrong types, garbage updates, text and oversized frames) and websocket framing faults over raw
 * TCP, each with the close codes that are right for it.
 */
import * as Y from 'yjs';
import { CloseCode } from '../../lib/protocol/close-codes';
import { DEFAULT_LIMITS } from '../../server/yjs/limits';
import { encodeFrame } from './ws-frames';
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
} from './frames';
import { prng } from './prng';

/** Marks the content of every valid message the cases are cut from: none of it may be stored. */
export const FUZZ_MARK = 'FUZZ-PAYLOAD';

export interface MessageCase {
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

export function messageCases(seed: number, count: number): MessageCase[] {
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

export interface FrameCase {
  kind: string;
  frames: Buffer[];
  /** What the client does after writing: nothing, half-close or reset. */
  then?: 'end' | 'destroy';
  /** Close codes the server may answer with; empty when only the TCP close is observable. */
  codes: number[];
}

export function frameCases(): FrameCase[] {
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
