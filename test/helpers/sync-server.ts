/**
 * The in-process sync server of the server/yjs unit tests: the real Yjs server on a real http
 * server on a random port, with injected authentication (the `x-test-user` and `x-test-session`
 * headers; the name is `nameOf(user)`) and an access table in place of the database's records. Clients are the toolkit's
 * providers (providers.ts) and raw sockets (sockets.ts), sending those headers.
 */
import type BetterSqlite3 from 'better-sqlite3';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientOptions } from 'ws';
import type * as Y from 'yjs';
import { openDatabase } from '../../server/db/connection';
import { sqliteDocStorage } from '../../server/update-log/sqlite-storage';
import type { RealtimeLimits } from '../../server/yjs/limits';
import type { DocStorage } from '../../server/yjs/storage';
import { createYjsServer, type DocAccess, type Principal, type YjsServer } from '../../server/yjs/yjs-server';
import { destroyLeftovers } from './leftovers';
import { socketSending } from './provider-socket';
import { type ProviderClient, trackedProvider } from './providers';
import { RawYjsSocket } from './sockets';
import { removeTempDbs, tempDbFile } from './temp-db';
import { sleep } from './wait';

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
  removeTempDbs();
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

/**
 * The SQLite storage read a moment later, as PostgreSQL's is (over the network): the server's
 * paths for a store that reads asynchronously (a broken room's reload) run against it.
 */
function readingLater(storage: DocStorage): DocStorage {
  return { ...storage, readLatest: async (docName) => (await sleep(5), storage.readLatest(docName)) };
}

export async function startTestServer(
  options: { dbFile?: string; limits?: Partial<RealtimeLimits>; readsLater?: boolean } = {},
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
    storage: options.readsLater ? readingLater(sqliteDocStorage(sqlite)) : sqliteDocStorage(sqlite),
    // Rooms unload as soon as their last socket leaves unless a test asks for idle rooms:
    // most tests check what a fresh load sees.
    limits: { idleRoomMs: 0, ...options.limits },
    log: (event, detail) => events.push({ event, detail }),
    async authenticate(req): Promise<Principal | null> {
      const user = req.headers['x-test-user'];
      if (typeof user !== 'string') return null;
      authCalls.set(user, (authCalls.get(user) ?? 0) + 1);
      const session = req.headers['x-test-session'];
      // The name is the session's, as the real server reads it from the user's record.
      return { userId: user, sessionId: typeof session === 'string' ? session : `session-${user}`, name: nameOf(user) };
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

/** The name the test server gives user `user` in presence, as the session of a real server would. */
export function nameOf(user: string): string {
  return `Name of ${user}`;
}

/** The headers the test server authenticates by; a session of its own only when given. */
export function identityHeaders(user: string, session?: string): Record<string, string> {
  const headers: Record<string, string> = { 'x-test-user': user };
  if (session !== undefined) headers['x-test-session'] = session;
  return headers;
}

/** A real y-websocket provider through connectDoc, as user `user`. */
export function client(
  server: TestServer,
  user: string,
  docName: string,
  extra: { session?: string; doc?: Y.Doc } = {},
): ProviderClient {
  return trackedProvider(server.url, docName, socketSending(identityHeaders(user, extra.session)), { doc: extra.doc });
}

/** A raw socket as user `user`; `options` go to `ws` (e.g. autoPong: false, a client that never answers pings). */
export async function rawClient(
  server: TestServer,
  user: string,
  docName: string,
  options: ClientOptions = {},
): Promise<RawYjsSocket> {
  const outcome = await RawYjsSocket.open(server.url, docName, null, {
    headers: identityHeaders(user),
    client: options,
  });
  return RawYjsSocket.mustHaveOpened(outcome);
}
