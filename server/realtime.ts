import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { principalFromCookieHeader } from '../lib/auth/token';
import { principalForSession } from '../lib/auth/sessions';
import { db } from '../lib/db/connection';
import { env } from '../lib/env';
import { subscribe } from '../lib/events/bus';
import { toError } from '../lib/http/errors';
import { docAccess } from '../lib/permissions';
import { purgeBoardDocuments } from '../lib/boards/purge';
import { attachBoardChannel } from './socket/board-channel';
import { createYjsServer } from './yjs/yjs-server';

/**
 * The two realtime servers and the bridge that tells them about record changes. A change that
 * shrinks access (role, removal, unsharing, freezing, sign-out) re-checks every open socket of
 * that board through the same permission function that admitted it.
 */
export function attachRealtime(server: HttpServer) {
  const yjs = createYjsServer({
    sqlite: db().sqlite,
    limits: env().REALTIME_LIMITS,
    authenticate: async (req: IncomingMessage) => principalFromCookieHeader(req.headers.cookie),
    isSessionLive: async (principal) => (await principalForSession(principal.sessionId, principal.userId)) !== null,
    // A dead session sees nothing, even if asked without isSessionLive (e.g. an upgrade in flight).
    docAccess: async (principal, docName) => {
      const live = await principalForSession(principal.sessionId, principal.userId);
      return live ? docAccess(principal, docName) : 'none';
    },
  });
  const channel = attachBoardChannel(server);

  const unsubscribe = subscribe((event) => {
    void channel.handleBusEvent(event);
    const recheck =
      event.type === 'access-changed'
        ? yjs.revalidate({ boardId: event.boardId })
        : event.type === 'board-deleted'
          ? // Anything a live room stored after the first purge goes with the second.
            yjs.dropBoard(event.boardId).then(() => purgeBoardDocuments(event.boardId))
          : event.type === 'session-revoked'
            ? yjs.revalidate({ sessionId: event.sessionId })
            : null;
    recheck?.catch((error: unknown) => console.error('revalidate failed', toError(error)));
  });

  return {
    handleYjsUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => yjs.handleUpgrade(req, socket, head),
    stats: () => yjs.stats(),
    close: async () => {
      unsubscribe();
      await Promise.all([yjs.close(), channel.close()]);
    },
  };
}

export type Realtime = ReturnType<typeof attachRealtime>;
