import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { principalFromCookieHeader } from '../auth/token';
import { principalForSession } from '../auth/sessions';
import { importDebriefRecords } from '../attempts/debrief-import';
import { purgeBoardDocuments } from '../boards/purge';
import { closeDatabase, prepareDatabase, truncateWal } from '../db/connection';
import { env } from '../env';
import { toError } from '../http/errors';
import { docAccess } from '../permissions';
import { postgresDocStorage } from '../update-log/postgres-storage';
import { sqliteDocStorage } from '../update-log/sqlite-storage';
import type { DocStorage } from '../yjs/storage';
import { createYjsServer } from '../yjs/yjs-server';
import { holdSoleOwnership } from './sole-owner';
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
  const url = env().DATABASE_URL;
  // Stops serving at once: another process may take the documents over from here. SIGTERM
  // takes the usual way out (shutdown below), and before that is set up, ends the process.
  const release = url
    ? await holdSoleOwnership(url, (reason) => {
        console.error(`sync process: ${reason}; stopping`);
        process.kill(process.pid, 'SIGTERM');
      })
    : null;
  // Before any room exists: debriefs saved as records before they were documents become documents.
  await importDebriefRecords(database.kysely);
  const storage: DocStorage = database.sqlite ? sqliteDocStorage(database.sqlite) : postgresDocStorage(database.kysely);
  const yjs = createYjsServer({
    storage,
    limits: env().REALTIME_LIMITS,
    authenticate: async (req: IncomingMessage) => principalFromCookieHeader(req.headers.cookie),
    isSessionLive: async (principal) => (await principalForSession(principal.sessionId, principal.userId)) !== null,
    // A dead session sees nothing, even if asked without isSessionLive (e.g. an upgrade in flight).
    docAccess: async (principal, docName) => {
      const live = await principalForSession(principal.sessionId, principal.userId);
      return live ? docAccess(principal, docName) : 'none';
    },
  });

  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await yjs.close();
      await release?.();
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
        yjs.handleUpgrade(upgradeRequest(message, socket), socket, Buffer.from(message.head, 'base64'));
        return;
      }
      case 'revalidate':
        // Answered even when it failed: a socket it could not re-check was closed (fail closed).
        yjs
          .revalidate(message.filter)
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
        yjs.applyServerUpdate(message.doc, message.userId, Buffer.from(message.update, 'base64')).then(
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

/** The upgrade request as the web process parsed it, on the socket it handed over. */
function upgradeRequest(message: Extract<ToSyncProcess, { type: 'upgrade' }>, socket: Socket): IncomingMessage {
  const req = new IncomingMessage(socket);
  req.method = message.method;
  req.url = message.url;
  req.headers = message.headers;
  return req;
}

process.on('unhandledRejection', (reason) => console.error('sync process: unhandled rejection', toError(reason)));

main().catch((error: unknown) => {
  console.error('sync process failed to start', toError(error));
  process.exit(1);
});
