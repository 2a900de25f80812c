/**
 * A raw `ws` client on one document, for what a well-behaved provider would never send. It
 * speaks the y-protocols wire format by hand (frames.ts) and records every frame it receives,
 * with the time, so that a test can assert on exactly what reached the socket. The same client
 * serves the real server (the session cookie) and the in-process sync server (identity headers).
 */
import WebSocket, { type ClientOptions } from 'ws';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { containsBytes } from './bytes';
import { type Frame, MessageType, parseFrame, SyncType, syncStep1 } from './frames';
import { destroyWhenDone } from './leftovers';
import { docPath, wsUrl } from './urls';
import { waitFor } from './wait';

export type UpgradeOutcome =
  { opened: true; socket: RawYjsSocket } | { opened: false; status: number; bodyBytes: number; socket: RawYjsSocket };

export interface RawOpenOptions {
  label?: string;
  /** Overrides the document's upgrade path, to send one no client would. */
  path?: string;
  timeoutMs?: number;
  /** Sent besides the cookie, e.g. the in-process sync server's identity headers. */
  headers?: Record<string, string>;
  /** The Origin header: the server's own by default, as a browser on the app's page sends it; null sends none. */
  origin?: string | null;
  /** Passed to `ws`, e.g. autoPong: false for a client that never answers pings. */
  client?: ClientOptions;
}

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

  /** Resolves with the upgrade's outcome: an open socket, or the HTTP status of the refusal. */
  static open(
    baseUrl: string,
    docName: string,
    cookie: string | null,
    options: RawOpenOptions = {},
  ): Promise<UpgradeOutcome> {
    const headers: Record<string, string> = { ...options.headers };
    if (cookie) headers['cookie'] = cookie;
    const origin = options.origin === undefined ? new URL(baseUrl).origin : options.origin;
    if (origin !== null) headers['origin'] = origin;
    const ws = new WebSocket(`${wsUrl(baseUrl)}${options.path ?? docPath(docName)}`, {
      ...options.client,
      headers,
      perMessageDeflate: false,
    });
    const socket = new RawYjsSocket(ws, docName, options.label ?? docName);
    destroyWhenDone({ destroy: () => ws.terminate() });
    return new Promise<UpgradeOutcome>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`upgrade of ${docName} neither opened nor was refused`)),
        options.timeoutMs ?? 5000,
      );
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
    return RawYjsSocket.mustHaveOpened(await RawYjsSocket.open(baseUrl, docName, cookie, { label }));
  }

  /** The socket of an upgrade that must have succeeded. */
  static mustHaveOpened(outcome: UpgradeOutcome): RawYjsSocket {
    if (!outcome.opened) throw new Error(`upgrade of ${outcome.socket.docName} refused with ${outcome.status}`);
    return outcome.socket;
  }

  /** How the server closed the socket; fails the test if it is still open after `timeoutMs`. */
  async closedWithin(timeoutMs = 5000): Promise<{ code: number; reason: string; at: number }> {
    await waitFor(() => this.isClosed, `${this.label} to be closed`, timeoutMs);
    return this.closed;
  }

  get isClosed(): boolean {
    return this.closeInfo !== null;
  }

  send(bytes: Uint8Array | string): void {
    this.ws.send(bytes);
  }

  parsed(): Frame[] {
    return this.frames.map((frame) => parseFrame(frame.bytes));
  }

  countSyncStep1(): number {
    return this.parsed().filter((f) => f.type === MessageType.Sync && f.syncType === SyncType.Step1).length;
  }

  countSyncStep2(): number {
    return this.parsed().filter((f) => f.type === MessageType.Sync && f.syncType === SyncType.Step2).length;
  }

  /**
   * Sends sync step 1 and waits for the answering step 2. The server handles a socket's
   * messages in order, so everything sent before has been processed (applied or dropped).
   * Costs one sync request of the server's per-socket budget (burst 10, 2 per second).
   *
   * It first waits for the server's own step 1, which ends the server's side of the join: a
   * join to a stored room sends that room's state and an unasked step 2 before it, and counting
   * before that step 2 arrived would take it for the answer (as happened on a loaded machine).
   */
  async roundtrip(timeoutMs = 5000): Promise<void> {
    await waitFor(() => this.countSyncStep1() > 0 || this.isClosed, `the server's step 1 on ${this.label}`, timeoutMs);
    const before = this.countSyncStep2();
    this.send(syncStep1());
    await waitFor(() => this.countSyncStep2() > before || this.isClosed, `roundtrip on ${this.label}`, timeoutMs);
    if (this.countSyncStep2() <= before)
      throw new Error(`${this.label} closed during roundtrip (${this.closeInfo?.code})`);
  }

  /** Everything the socket learned of the document, applied to a fresh Y.Doc. */
  learnedDoc(): Y.Doc {
    const doc = new Y.Doc();
    for (const frame of this.parsed()) {
      if (frame.type === MessageType.Sync && frame.syncType !== SyncType.Step1) Y.applyUpdate(doc, frame.payload);
    }
    return doc;
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

/** The awareness states a raw socket has learned from the server so far. */
export function awarenessSeenBy(socket: RawYjsSocket): Map<number, unknown> {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState(null);
  for (const frame of socket.parsed()) {
    if (frame.type === MessageType.Awareness) applyAwarenessUpdate(awareness, frame.payload, 'server');
  }
  const states = new Map<number, unknown>(awareness.getStates());
  awareness.destroy();
  doc.destroy();
  return states;
}
