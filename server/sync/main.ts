import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { SessionClaims } from '../auth/principal';
import { principalForSession } from '../auth/sessions';
import { importDebriefRecords } from '../attempts/debrief-import';
import { purgeBoardDocuments } from '../boards/purge';
import type BetterSqlite3 from 'better-sqlite3';
import { closeDatabase, type Db, prepareDatabase, truncateWal } from '../db/connection';
import { env } from '../env';
import { toError } from '../http/errors';
import { docAccess } from '../permissions';
import { sqliteDocStorage } from '../update-log/sqlite-storage';
import type { DocStorage } from '../yjs/storage';
import type { DocAccess, Principal } from '../yjs/types';
import { createYjsServer, type RevalidateFilter } from '../yjs/yjs-server';
import { coalescedRechecks } from './board-rechecks';
import { peerAddress } from './peer-address';
import { fenceOf, refuseUpgrade, servedHere, servesDoc } from './served-here';
import { parseToSyncProcess, type FromSyncProcess, type ToSyncProcess } from './messages';

/**
 * The sync process: the Yjs sync server on its own, forked by the web process (sync-process.ts),
 * which hands it every /yjs/ upgrade with its socket and tells it about record changes.
 *
 * Why a process of its own: every edit's latency depends on the garbage collector of the
 * process that relays it, and the collector's pauses grow with the heap. With Next.js in the
 * same process that heap was 120 MB before any board was open; here it holds the rooms and
 * little else (docs/performance.md, run 9).
 */
async function main(): Promise<void> {
  const send = (message: FromSyncProcess) => process.send?.(message);
  if (!process.send) throw new Error('the sync process is started by server/index.ts, not on its own');
  const database = await prepareDatabase();
  // Before any room exists: debriefs saved as records before they were documents become documents.
  await importDebriefRecords(database.kysely);
  // On PostgreSQL each board is served by the process holding its lease; on SQLite, by this one.
  // The leases and the fenced storage are loaded only there: on SQLite they would be heap for nothing.
  const postgres =
    database.dialect === 'postgres'
      ? { ...(await import('./board-leases')), ...(await import('../update-log/postgres-storage')) }
      : null;
  const leases = postgres
    ? new postgres.BoardLeases(
        database.kysely,
        randomUUID(),
        peerAddress(),
        () => yjs.boardsInUse(),
        (boardIds, reason) => {
          console.error(`sync process: no longer serving ${boardIds.length} board(s): ${reason}`);
          for (const boardId of boardIds) yjs.closeBoard(boardId);
        },
      )
    : null;
  // The one permission function, for a socket's upgrade, its re-checks and (on PostgreSQL) its
  // appends after a narrowing: a dead session sees nothing, even if asked without isSessionLive.
  const accessOf = async (principal: Principal, docName: string): Promise<DocAccess> => {
    const live = await principalForSession(principal.sessionId, principal.userId);
    return live ? docAccess(principal, docName) : 'none';
  };
  const recheckBoard = coalescedRechecks((boardId) => checkAgain({ boardId }));
  const storage: DocStorage =
    postgres && leases
      ? postgres.postgresDocStorage(
          database.kysely,
          fenceOf(leases, {
            accessOf,
            writersRefused: (refused) => {
              for (const { writer, doc, now } of refused) yjs.closeOutdated(writer.sessionId, doc, now);
            },
            stopServing: (boardId) => yjs.closeBoard(boardId),
            checkAgain: (boardIds) => boardIds.forEach(recheckBoard),
          }),
        )
      : sqliteDocStorage(sqliteOf(database));
  const yjs = createYjsServer({
    storage,
    limits: env().REALTIME_LIMITS,
    // The session the web process found in the socket's cookie (its JWT verified there), if it is live.
    authenticate: async (req: IncomingMessage) => {
      const session = sessionOf.get(req);
      return session ? principalForSession(session.sessionId, session.userId) : null;
    },
    isSessionLive: async (principal) => (await principalForSession(principal.sessionId, principal.userId)) !== null,
    docAccess: accessOf,
  });

  leases?.onAccessMoved((boardIds) => boardIds.forEach(recheckBoard));
  leases?.start();

  /**
   * Re-checks open sockets (revalidate); on PostgreSQL, records the boards' access versions
   * read before the check, which the appends are fenced by. Without them (the database is out
   * of reach) the check still runs: it closes what it cannot confirm.
   */
  async function checkAgain(filter: RevalidateFilter): Promise<void> {
    const boards = leases?.heldBoards(filter.boardId === undefined ? undefined : [filter.boardId]) ?? [];
    const versions = leases ? await leases.accessVersions(boards).catch(() => null) : null;
    await yjs.revalidate(filter);
    if (versions) leases?.checkedAt(versions);
  }

  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await yjs.close();
      await leases?.close();
      await closeDatabase();
    } catch (error) {
      console.error('sync process: shutdown failed', toError(error));
    }
    process.exit(0);
  };

  const handle = (message: ToSyncProcess, socket: unknown): void => {
    switch (message.type) {
      case 'upgrade': {
        if (!(socket instanceof Socket)) return;
        const req = upgradeRequest(message, socket);
        const head = Buffer.from(message.head, 'base64');
        if (!leases) return yjs.handleUpgrade(req, socket, head);
        servedHere(leases, req).then(
          (served) => (served ? yjs.handleUpgrade(req, socket, head) : refuseUpgrade(socket)),
          (error: unknown) => {
            console.error('sync process: the board lease could not be taken', toError(error));
            refuseUpgrade(socket);
          },
        );
        return;
      }
      case 'revalidate':
        // Answered even when it failed: a socket it could not re-check was closed (fail closed).
        checkAgain(message.filter)
          .catch((error: unknown) => console.error('revalidate failed', toError(error)))
          .finally(() => send({ type: 'revalidated', id: message.id }));
        return;
      case 'drop-board':
        // Anything a live room stored after the web process's purge goes with this one; then
        // the log's old frames of it are emptied into the zeroed file (secure_delete).
        yjs
          .dropBoard(message.boardId)
          .then(() => purgeBoardDocuments(message.boardId))
          .then(() => truncateWal())
          .then((emptied) => {
            if (!emptied) console.error('drop board: the write-ahead log could not be emptied yet');
          })
          .catch((error: unknown) => console.error('drop board failed', toError(error)))
          .finally(() => send({ type: 'dropped', id: message.id }));
        return;
      case 'apply-update':
        servesDoc(leases, message.doc)
          .then(() => yjs.applyServerUpdate(message.doc, message.userId, Buffer.from(message.update, 'base64')))
          .then(
            () => send({ type: 'applied', id: message.id, ok: true }),
            (error: unknown) => {
              console.error('server edit failed', toError(error));
              send({ type: 'applied', id: message.id, ok: false });
            },
          );
        return;
      case 'close':
        void shutdown();
        return;
    }
  };

  process.on('message', (raw: unknown, socket: unknown) => {
    const message = parseToSyncProcess(raw);
    if (message) return handle(message, socket);
    console.error('sync process: unknown message dropped');
    if (socket instanceof Socket) socket.destroy();
  });
  // The web process is gone (crashed or killed): nobody can hand over sockets any more.
  process.on('disconnect', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  // Ctrl-C in a terminal reaches the whole process group; the web process decides, and says 'close'.
  process.on('SIGINT', () => undefined);
  send({ type: 'ready', pid: process.pid });
}

/** SQLite's raw connection, for the synchronous appends (always open on SQLite, server/db/connection.ts). */
function sqliteOf(database: Db): BetterSqlite3.Database {
  if (!database.sqlite) throw new Error('the sync process has neither PostgreSQL nor SQLite');
  return database.sqlite;
}

/** The session each handed-over upgrade's cookie names, as the web process verified it. */
const sessionOf = new WeakMap<IncomingMessage, SessionClaims | null>();

/** The upgrade request as the web process parsed it, on the socket it handed over. */
function upgradeRequest(message: Extract<ToSyncProcess, { type: 'upgrade' }>, socket: Socket): IncomingMessage {
  const req = new IncomingMessage(socket);
  req.method = message.method;
  req.url = message.url;
  req.headers = message.headers;
  sessionOf.set(req, message.session);
  return req;
}

process.on('unhandledRejection', (reason) => console.error('sync process: unhandled rejection', toError(reason)));

main().catch((error: unknown) => {
  console.error('sync process failed to start', toError(error));
  process.exit(1);
});
