/**
 * The y-protocols wire format as y-websocket frames it: one encoder per message, the payloads
 * they carry, and one parser. Written out here rather than taken from server/yjs/protocol.ts, so
 * that the tests hold the server to the format instead of to its own reading of it.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

export function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  return encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

/** Sync step 1; with the default, empty, state vector: "send me everything". */
export function syncStep1(stateVector: Uint8Array = new Uint8Array([0])): Uint8Array {
  return syncMessage(SyncType.Step1, stateVector);
}

export function syncStep2(update: Uint8Array): Uint8Array {
  return syncMessage(SyncType.Step2, update);
}

export function syncUpdate(update: Uint8Array): Uint8Array {
  return syncMessage(SyncType.Update, update);
}

/** An awareness message carrying `payload` (see awarenessPayload). */
export function awarenessMessage(payload: Uint8Array): Uint8Array {
  return encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

export interface AwarenessEntryInput {
  clientId: number;
  clock: number;
  state: unknown;
}

/** An awareness update, as a client encodes it, with whatever client ids the test chooses. */
export function awarenessPayload(entries: AwarenessEntryInput[]): Uint8Array {
  return awarenessPayloadOfJson(
    entries.map(({ clientId, clock, state }) => ({ clientId, clock, json: JSON.stringify(state) })),
  );
}

/** The same with each state's JSON given as text, so that a test can send JSON that does not parse. */
export function awarenessPayloadOfJson(entries: Array<{ clientId: number; clock: number; json: string }>): Uint8Array {
  return encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.json);
    }
  });
}

/** The bytes of a varint, to build frames by hand around a forged length. */
export function varUint(n: number): number[] {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, n);
  return [...encoding.toUint8Array(encoder)];
}

/** A Yjs update that inserts `text` into Y.Text `name` of a fresh document (a new client id). */
export function textUpdate(text: string, name = 'text'): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(name).insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export interface Frame {
  type: number;
  /** For sync frames: step1 / step2 / update. */
  syncType?: number;
  payload: Uint8Array;
}

/** Reads a frame's type, sync type and payload; lib0 throws on a frame cut short. */
export function parseFrame(bytes: Uint8Array): Frame {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.Sync) {
    const syncType = decoding.readVarUint(decoder);
    return { type, syncType, payload: decoding.readVarUint8Array(decoder) };
  }
  if (type === MessageType.Awareness) return { type, payload: decoding.readVarUint8Array(decoder) };
  return { type, payload: new Uint8Array(0) };
}

/** The reason of an Auth "permission denied" frame (the sync server's read-only notice), else null. */
export function permissionDeniedReason(bytes: Uint8Array): string | null {
  const decoder = decoding.createDecoder(bytes);
  if (decoding.readVarUint(decoder) !== MessageType.Auth || decoding.readVarUint(decoder) !== 0) return null;
  return decoding.readVarString(decoder);
}
