/**
 * Shared fixtures of the Yjs server's component tests: a real http server on a random port,
 * injected authentication (an `x-test-user` header) and an access table, real `ws` clients.
 * Not a test file itself (no `.test.ts`), so the runner does not execute it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket, { type ClientOptions } from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { openDatabase } from '../../server/db/connection';
import { destroyLeftovers, destroyWhenDone } from './leftovers';
import { connectDoc, type ConnectDocOptions } from '../../components/browser/connect-doc';
import type { RealtimeLimits } from '../../server/yjs/limits';
import { sqliteDocStorage } from '../../server/update-log/sqlite-storage';
import { createYjsServer, type DocAccess, type Principal, type YjsServer } from '../../server/yjs/yjs-server';

export const tempDirs: string[] = [];

export function tempDbFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'yjs-test-'));
  tempDirs.push(dir);
  return path.join(dir, 'test.sqlite');
}

/** Servers a failed test may leave running (clients go to destroyWhenDone). */
const runningServers = new Set<TestServer>();

/**
 * Run after each file's tests (`after(cleanUp)`): stops what a failed test left running, so the
 * file's process exits and the failure is reported instead of the run hanging, then removes the
 * temporary databases.
 */
export async function cleanUp(): Promise<void> {
  destroyLeftovers();
  for (const server of [...runningServers]) await server.stop();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface TestServer {
  url: string;
  yjs: YjsServer;
  sqlite: BetterSqlite3.Database;
  dbFile: string;
  /** access.set(user, doc, level); anything unset is 'none'. */
  access: AccessTable;
  revokedSessions: Set<string>;
  /** Sessions that have expired without any record change announcing it (heartbeat check). */
  expiredSessions: Set<string>;
  /** Upgrade attempts per user, counted in authenticate. */
  authCalls: Map<string, number>;
  /** docAccess calls per document name. */
  accessCalls: Map<string, number>;
  /** Delays docAccess answers for a user (ms), to provoke races. */
  accessDelay: Map<string, number>;
  /** docAccess throws for these users (a database failure). */
  failingUsers: Set<string>;
  /** Called by docAccess as it is asked (before it answers), to time a race against it. */
  accessHook: { run: ((userId: string, docName: string) => void) | null };
  events: Array<{ event: string; detail: Record<string, unknown> }>;
  /** Stops the Yjs server, the http server, and closes the database. */
  stop(): Promise<void>;
}

export class AccessTable {
  private readonly table = new Map<string, DocAccess>();
  set(user: string, doc: string, access: DocAccess): void {
    this.table.set(`${user}\n${doc}`, access);
  }
  get(user: string, doc: string): DocAccess {
    return this.table.get(`${user}\n${doc}`) ?? 'none';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startTestServer(
  options: { dbFile?: string; limits?: Partial<RealtimeLimits> } = {},
): Promise<TestServer> {
  const dbFile = options.dbFile ?? tempDbFile();
  const { sqlite } = openDatabase(dbFile);
  const access = new AccessTable();
  const revokedSessions = new Set<string>();
  const expiredSessions = new Set<string>();
  const authCalls = new Map<string, number>();
  const accessCalls = new Map<string, number>();
  const accessDelay = new Map<string, number>();
  const failingUsers = new Set<string>();
  const accessHook: TestServer['accessHook'] = { run: null };
  const events: TestServer['events'] = [];
  const yjs = createYjsServer({
    storage: sqliteDocStorage(sqlite),
    // Rooms unload as soon as their last socket leaves unless a test asks for idle rooms:
    // most tests check what a fresh load sees.
    limits: { idleRoomMs: 0, ...options.limits },
    log: (event, detail) => events.push({ event, detail }),
    async authenticate(req): Promise<Principal | null> {
      const user = req.headers['x-test-user'];
      if (typeof user !== 'string') return null;
      authCalls.set(user, (authCalls.get(user) ?? 0) + 1);
      const session = req.headers['x-test-session'];
      return { userId: user, sessionId: typeof session === 'string' ? session : `session-${user}` };
    },
    async isSessionLive(principal): Promise<boolean> {
      return !expiredSessions.has(principal.sessionId);
    },
    async docAccess(principal, docName): Promise<DocAccess> {
      accessCalls.set(docName, (accessCalls.get(docName) ?? 0) + 1);
      accessHook.run?.(principal.userId, docName);
      const delay = accessDelay.get(principal.userId);
      if (delay) await sleep(delay);
      if (failingUsers.has(principal.userId)) throw new Error('database unavailable');
      if (revokedSessions.has(principal.sessionId)) return 'none';
      return access.get(principal.userId, docName);
    },
  });
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/yjs/')) yjs.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  const testServer: TestServer = {
    url: `ws://127.0.0.1:${port}`,
    yjs,
    sqlite,
    dbFile,
    access,
    revokedSessions,
    expiredSessions,
    authCalls,
    accessCalls,
    accessDelay,
    failingUsers,
    accessHook,
    events,
    async stop() {
      if (stopped) return;
      stopped = true;
      runningServers.delete(testServer);
      await yjs.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      sqlite.close();
    },
  };
  runningServers.add(testServer);
  return testServer;
}

/** A `ws` class that sends the test identity headers, usable as y-websocket's polyfill. */
export function wsAs(
  user: string | null,
  session?: string,
): new (address: string | URL, protocols?: string | string[]) => WebSocket {
  const headers: Record<string, string> = {};
  if (user !== null) headers['x-test-user'] = user;
  if (session !== undefined) headers['x-test-session'] = session;
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

type Polyfill = NonNullable<ConnectDocOptions['WebSocketPolyfill']>;

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closeCodes: number[];
  terminal: Array<{ code: number; reason: string }>;
}

/** A real y-websocket provider through connectDoc, as user `user`. */
export function client(
  server: TestServer,
  user: string,
  docName: string,
  extra: { session?: string; doc?: Y.Doc } = {},
): TestClient {
  const doc = extra.doc ?? new Y.Doc();
  const closeCodes: number[] = [];
  const terminal: TestClient['terminal'] = [];
  const provider = connectDoc({
    url: server.url,
    docName,
    doc,
    // The `ws` class is API-compatible with the DOM WebSocket that y-websocket's types name.
    WebSocketPolyfill: wsAs(user, extra.session) as unknown as Polyfill,
    disableBc: true,
    onTerminalClose: (code, reason) => terminal.push({ code, reason }),
  });
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  destroyWhenDone(provider);
  return { doc, provider, closeCodes, terminal };
}

export async function waitFor(condition: () => boolean, label: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await sleep(5);
  }
}

export function synced(c: TestClient): Promise<void> {
  return waitFor(() => c.provider.synced, 'provider sync');
}

export function storedCount(sqlite: BetterSqlite3.Database, doc: string): number {
  const row = sqlite.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?').get(doc) as { n: number };
  return row.n;
}

export function checkpointSeqs(sqlite: BetterSqlite3.Database, doc: string): number[] {
  return (sqlite.prepare('SELECT seq FROM doc_checkpoints WHERE doc = ? ORDER BY seq').all(doc) as Array<{ seq: number }>).map(
    (row) => row.seq,
  );
}

/** A bare websocket speaking raw bytes, for what a well-behaved provider would never send. */
export class RawClient {
  readonly messages: Uint8Array[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  isClosed = false;
  private constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => this.messages.push(new Uint8Array(data)));
    ws.on('error', () => {});
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.isClosed = true;
        resolve({ code, reason: reason.toString() });
      });
    });
  }

  /** `options` go to `ws` (e.g. autoPong: false, a client that never answers pings). */
  static async connect(server: TestServer, user: string, docName: string, options: ClientOptions = {}): Promise<RawClient> {
    const ws = new WebSocket(`${server.url}/yjs/${docName}`, { ...options, headers: { 'x-test-user': user } });
    const raw = new RawClient(ws);
    destroyWhenDone({ destroy: () => ws.terminate() });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
      ws.once('error', reject);
    });
    return raw;
  }

  send(bytes: Uint8Array | string): void {
    this.ws.send(bytes);
  }

  /** Sends sync step 1 and waits for its step 2: everything sent before has been processed. */
  async roundtrip(): Promise<void> {
    const before = this.countSyncStep2();
    this.send(syncStep1Message(new Uint8Array([0])));
    await waitFor(() => this.countSyncStep2() > before || this.isClosed, 'roundtrip');
    if (this.isClosed) throw new Error('closed during roundtrip');
  }

  countSyncStep2(): number {
    return this.messages.filter((m) => m[0] === 0 && m[1] === 1).length;
  }

  close(): void {
    this.ws.close();
  }
}

export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  return frame(0, 0, stateVector);
}

export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  return frame(0, 2, update);
}

export function awarenessMessage(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function frame(type: number, syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** An update inserting `text` into a fresh document's Y.Text 'text'. */
export function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** An awareness update payload, as a client would encode it, with arbitrary client ids. */
export function awarenessPayload(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  return encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, JSON.stringify(entry.state));
    }
  });
}

/** The awareness states a raw client has learned from the server so far. */
export function awarenessSeenBy(raw: RawClient): Map<number, unknown> {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  for (const message of raw.messages) {
    if (message[0] !== 1) continue;
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
  }
  const states = new Map<number, unknown>(awareness.getStates());
  states.delete(doc.clientID);
  awareness.destroy();
  doc.destroy();
  return states;
}
