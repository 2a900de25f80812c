/**
 * Yjs clients for the integration tests of the realtime server (test/integration/realtime-*):
 * real y-websocket providers (through components/browser/connect-doc, as the browser uses them) and a
 * raw `ws` client that speaks the y-protocols wire format by hand and records every byte it
 * receives, plus (re-exported from stored-docs.ts) read-only access to the server's stored
 * documents.
 *
 * Everything authenticates the way a browser does: the session cookie on the upgrade request.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { connectDoc, type ConnectDocOptions } from '../../components/browser/connect-doc';
import { destroyWhenDone } from './leftovers';
import { containsBytes } from './stored-docs';

// The stored-document helpers live in stored-docs.ts; re-exported so tests import one module.
export * from './stored-docs';
export { prng } from './prng';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(condition: () => boolean, label: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}`);
    await sleep(5);
  }
}


export function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

/** The upgrade path of a document: each segment encoded once, as connectDoc does. */
export function docPath(docName: string): string {
  return `/yjs/${docName.split('/').map(encodeURIComponent).join('/')}`;
}

// ---------------------------------------------------------------------------------------------
// Wire format (y-protocols as y-websocket frames it)

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

export function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  return encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

/** Sync step 1 with an empty state vector: "send me everything". */
export function syncStep1(stateVector: Uint8Array = new Uint8Array([0])): Uint8Array {
  return syncMessage(SyncType.Step1, stateVector);
}

export function syncStep2(update: Uint8Array): Uint8Array {
  return syncMessage(SyncType.Step2, update);
}

export function syncUpdate(update: Uint8Array): Uint8Array {
  return syncMessage(SyncType.Update, update);
}

export interface AwarenessEntryInput {
  clientId: number;
  clock: number;
  state: unknown;
}

export function awarenessMessage(entries: AwarenessEntryInput[]): Uint8Array {
  const payload = encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, JSON.stringify(entry.state));
    }
  });
  return encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

export function varUint(n: number): number[] {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, n);
  return [...encoding.toUint8Array(encoder)];
}

/** A Yjs update that inserts `text` into Y.Text `name` of a fresh document (a new client id). */
export function textInsertUpdate(text: string, name = 'text'): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(name).insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export interface ServerFrame {
  type: number;
  /** For sync frames: step1 / step2 / update. */
  syncType?: number;
  payload: Uint8Array;
}

/** Parses one frame the server sent (only well-formed frames are expected from the server). */
export function parseServerFrame(bytes: Uint8Array): ServerFrame {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.Sync) {
    const syncType = decoding.readVarUint(decoder);
    return { type, syncType, payload: decoding.readVarUint8Array(decoder) };
  }
  if (type === MessageType.Awareness) return { type, payload: decoding.readVarUint8Array(decoder) };
  return { type, payload: new Uint8Array(0) };
}

// ---------------------------------------------------------------------------------------------
// Raw client

export type UpgradeOutcome =
  | { opened: true; socket: RawYjsSocket }
  | { opened: false; status: number; bodyBytes: number; socket: RawYjsSocket };

/**
 * A bare websocket on one document. It records every frame it receives (with the time), so a
 * test can assert on exactly what reached the socket. `open` resolves with the upgrade's
 * outcome: an open socket, or the HTTP status of the refusal.
 */
export class RawYjsSocket {
  readonly frames: Array<{ at: number; bytes: Uint8Array }> = [];
  readonly closed: Promise<{ code: number; reason: string; at: number }>;
  closeInfo: { code: number; reason: string; at: number } | null = null;
  opened = false;

  private constructor(
    readonly ws: WebSocket,
    readonly docName: string,
    readonly label: string,
  ) {
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => this.frames.push({ at: Date.now(), bytes: new Uint8Array(data) }));
    ws.on('error', () => {});
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString(), at: Date.now() };
        resolve(this.closeInfo);
      });
    });
  }

  static open(
    baseUrl: string,
    docName: string,
    cookie: string | null,
    options: { label?: string; path?: string; timeoutMs?: number } = {},
  ): Promise<UpgradeOutcome> {
    const headers: Record<string, string> = {};
    if (cookie) headers['cookie'] = cookie;
    const ws = new WebSocket(`${wsUrl(baseUrl)}${options.path ?? docPath(docName)}`, { headers, perMessageDeflate: false });
    const socket = new RawYjsSocket(ws, docName, options.label ?? docName);
    destroyWhenDone({ destroy: () => ws.terminate() });
    return new Promise<UpgradeOutcome>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`upgrade of ${docName} neither opened nor was refused`)), options.timeoutMs ?? 5000);
      ws.once('open', () => {
        clearTimeout(timer);
        socket.opened = true;
        resolve({ opened: true, socket });
      });
      ws.once('unexpected-response', (_req, res) => {
        let bodyBytes = 0;
        res.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
        res.on('error', () => {});
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ opened: false, status: res.statusCode ?? 0, bodyBytes, socket });
        });
        res.on('close', () => {
          clearTimeout(timer);
          resolve({ opened: false, status: res.statusCode ?? 0, bodyBytes, socket });
        });
      });
      ws.once('error', (error) => {
        if (socket.opened) return;
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** Opens and fails the test unless the upgrade succeeds. */
  static async connect(baseUrl: string, docName: string, cookie: string | null, label?: string): Promise<RawYjsSocket> {
    const outcome = await RawYjsSocket.open(baseUrl, docName, cookie, { label });
    if (!outcome.opened) throw new Error(`upgrade of ${docName} refused with ${outcome.status}`);
    return outcome.socket;
  }

  get isClosed(): boolean {
    return this.closeInfo !== null;
  }

  send(bytes: Uint8Array | string): void {
    this.ws.send(bytes);
  }

  parsed(): ServerFrame[] {
    return this.frames.map((frame) => parseServerFrame(frame.bytes));
  }

  countSyncStep2(): number {
    return this.parsed().filter((f) => f.type === MessageType.Sync && f.syncType === SyncType.Step2).length;
  }

  /**
   * Sends sync step 1 and waits for the answering step 2. The server handles a socket's
   * messages in order, so everything sent before has been processed (applied or dropped).
   * Costs one sync request of the server's per-socket budget (burst 10, 2 per second).
   */
  async roundtrip(timeoutMs = 5000): Promise<void> {
    const before = this.countSyncStep2();
    this.send(syncStep1());
    await waitFor(() => this.countSyncStep2() > before || this.isClosed, `roundtrip on ${this.label}`, timeoutMs);
    if (this.countSyncStep2() <= before) throw new Error(`${this.label} closed during roundtrip (${this.closeInfo?.code})`);
  }

  /** Everything the socket learned of the document, applied to a fresh Y.Doc. */
  learnedDoc(): Y.Doc {
    const doc = new Y.Doc();
    for (const frame of this.parsed()) {
      if (frame.type === MessageType.Sync && frame.syncType !== SyncType.Step1) Y.applyUpdate(doc, frame.payload);
    }
    return doc;
  }

  /** The awareness states this socket learned from the server. */
  awarenessStates(): Map<number, unknown> {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState(null);
    for (const frame of this.parsed()) {
      if (frame.type === MessageType.Awareness) applyAwarenessUpdate(awareness, frame.payload, 'server');
    }
    const states = new Map<number, unknown>(awareness.getStates());
    awareness.destroy();
    doc.destroy();
    return states;
  }

  totalBytes(): number {
    return this.frames.reduce((n, f) => n + f.bytes.length, 0);
  }

  receivedContains(needle: Uint8Array): boolean {
    return this.frames.some((f) => containsBytes(f.bytes, needle));
  }

  framesAfter(at: number): number {
    return this.frames.filter((f) => f.at > at).length;
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
  }

  terminate(): void {
    this.ws.terminate();
  }
}

// ---------------------------------------------------------------------------------------------
// Providers

type Polyfill = NonNullable<ConnectDocOptions['WebSocketPolyfill']>;

/** A `ws` class that sends the session cookie, as a browser does on a same-origin upgrade. */
export function cookieWebSocket(cookie: string): Polyfill {
  class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  // `ws` is API-compatible with the DOM WebSocket that y-websocket's types name.
  return CookieWebSocket as unknown as Polyfill;
}

export interface ProviderClient {
  label: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes of every server close seen by the provider, with times. */
  closes: Array<{ code: number; at: number }>;
  /** Closes after which the provider stopped reconnecting (terminal codes). */
  terminal: Array<{ code: number; reason: string }>;
  destroy(): void;
}

/** A real y-websocket provider (via connectDoc), authenticated by `cookie`, BroadcastChannel off. */
export function openProvider(
  baseUrl: string,
  cookie: string,
  docName: string,
  options: { label?: string; doc?: Y.Doc; connect?: boolean } = {},
): ProviderClient {
  const doc = options.doc ?? new Y.Doc();
  const closes: ProviderClient['closes'] = [];
  const terminal: ProviderClient['terminal'] = [];
  const provider = connectDoc({
    url: wsUrl(baseUrl),
    docName,
    doc,
    WebSocketPolyfill: cookieWebSocket(cookie),
    disableBc: true,
    connect: options.connect ?? true,
    onTerminalClose: (code, reason) => terminal.push({ code, reason }),
  });
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, at: Date.now() });
  });
  destroyWhenDone(provider);
  return {
    label: options.label ?? docName,
    doc,
    provider,
    closes,
    terminal,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function synced(client: ProviderClient, timeoutMs = 5000): Promise<void> {
  return waitFor(() => client.provider.synced, `${client.label} synced`, timeoutMs);
}
