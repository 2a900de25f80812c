import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DecodedUpdate } from './novelty';

/**
 * The y-websocket wire format, parsed strictly into a typed message before anything acts on it
 * (the connection checks access and limits per kind; an update is logged before it is applied).
 * Hand-written rather than lib0's decoder and y-protocols' readSyncMessage, which applies what it
 * reads to the document at once: lib0 leaves trailing bytes unremarked, its fixed-width reads past
 * the end give undefined instead of failing (readUint8), and its byte arrays are views into the
 * message's buffer. This reader bounds every read, refuses trailing bytes and copies each payload
 * into its own buffer before Yjs decodes it.
 */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

export class MalformedMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessageError';
  }
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The JSON text as relayed; null state means "this client left". */
  stateJson: string;
  /** The same, parsed (once, by the reader that checks it), for the server's own reading of it. */
  state: unknown;
}

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' };

class Reader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varUint(): number {
    let num = 0;
    let mult = 1;
    while (this.pos < this.bytes.length) {
      const byte = this.bytes[this.pos++] as number;
      num += (byte & 0x7f) * mult;
      if (byte < 0x80) {
        if (num > Number.MAX_SAFE_INTEGER) throw new MalformedMessageError('varint out of range');
        return num;
      }
      mult *= 128;
      // Eight bytes carry 56 bits, more than any safe integer: a ninth is never legitimate.
      if (mult >= 2 ** 56) throw new MalformedMessageError('varint too long');
    }
    throw new MalformedMessageError('truncated varint');
  }

  /** A length-prefixed byte array, copied so later readers cannot see past its end. */
  varBytes(): Uint8Array {
    const length = this.varUint();
    if (length > this.bytes.length - this.pos) throw new MalformedMessageError('length past end');
    const out = this.bytes.slice(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  varString(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.varBytes());
  }

  end(): void {
    if (this.pos !== this.bytes.length) throw new MalformedMessageError('trailing bytes');
  }
}

/** Throws MalformedMessageError for anything but exactly one well-formed message. */
export function parseClientMessage(bytes: Uint8Array): ClientMessage {
  try {
    return parseStrict(bytes);
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    // JSON.parse and the fatal TextDecoder throw their own error types.
    throw new MalformedMessageError(String(error));
  }
}

function parseStrict(bytes: Uint8Array): ClientMessage {
  // A Buffer's slice() is a view, not a copy: work on a plain Uint8Array of our own.
  const reader = new Reader(new Uint8Array(bytes));
  const type = reader.varUint();
  let message: ClientMessage;
  if (type === MessageType.Sync) {
    const syncType = reader.varUint();
    const payload = reader.varBytes();
    if (syncType === SyncType.Step1) message = { kind: 'sync-step1', stateVector: payload };
    else if (syncType === SyncType.Step2) message = { kind: 'sync-step2', update: payload };
    else if (syncType === SyncType.Update) message = { kind: 'sync-update', update: payload };
    else throw new MalformedMessageError(`unknown sync type ${syncType}`);
  } else if (type === MessageType.Awareness) {
    message = { kind: 'awareness', entries: parseAwarenessUpdate(reader.varBytes()) };
  } else if (type === MessageType.QueryAwareness) {
    message = { kind: 'query-awareness' };
  } else {
    // Auth messages only ever flow from server to client.
    throw new MalformedMessageError(`unknown message type ${type}`);
  }
  reader.end();
  if (message.kind === 'sync-step1') validateStateVector(message.stateVector);
  return message;
}

function parseAwarenessUpdate(bytes: Uint8Array): AwarenessEntry[] {
  const reader = new Reader(bytes);
  const count = reader.varUint();
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = reader.varUint();
    const clock = reader.varUint();
    const stateJson = reader.varString();
    // Throws on invalid JSON, which applyAwarenessUpdate would hit later.
    const state: unknown = JSON.parse(stateJson);
    entries.push({ clientId, clock, stateJson, state });
  }
  reader.end();
  return entries;
}

function validateStateVector(bytes: Uint8Array): void {
  const reader = new Reader(bytes);
  const count = reader.varUint();
  for (let i = 0; i < count; i++) {
    reader.varUint();
    reader.varUint();
  }
  reader.end();
}

export interface UpdateSummary {
  /** True when the update neither inserts nor deletes anything (e.g. sync step 2 of a synced client). */
  empty: boolean;
  /** The decoded structs and delete set, so later checks need not decode the bytes again. */
  decoded: DecodedUpdate;
}

/**
 * Decodes a Yjs update completely without applying it, so that a malformed update is refused
 * before it is logged or touches the room's document. Throws on malformed input.
 */
export function inspectUpdate(update: Uint8Array): UpdateSummary {
  const decoded = Y.decodeUpdate(update);
  return { empty: decoded.structs.length === 0 && decoded.ds.clients.size === 0, decoded };
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.stateJson);
  }
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** An update that neither inserts nor deletes anything (no structs, empty delete set). */
export const EMPTY_UPDATE: Uint8Array = Y.encodeStateAsUpdate(new Y.Doc());

/** Sync step 2 carrying given bytes, e.g. EMPTY_UPDATE when the client has everything already. */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * The messages that hand a client a document's stored state without building it: each stored
 * part (checkpoint, then the updates after it, in log order) as an update, then an empty sync
 * step 2, on which the client counts itself synced with everything it was sent before.
 */
export function storedStateMessages(parts: Uint8Array[]): Uint8Array[] {
  return [...parts.map((part) => encodeSyncUpdate(part)), encodeSyncStep2Update(EMPTY_UPDATE)];
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Auth "permission denied" with a reason: the only Auth message this server sends. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
