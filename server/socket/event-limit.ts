import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { toError } from '../http/errors';
import { endSession, sessionExpired } from './session-guard';
import type { BoardSocket } from './socket-data';

/**
 * Every event a connection sends passes here first (socket.use): from a session that has run
 * out, it is refused and the connection ended; past `perSecond` events in a second, it is
 * dropped and the connection cut (its transport closed: the page reconnects after socket.io's
 * backoff, 1 to 5 s). Each presence change is broadcast to the whole board, so a flood from
 * one tab would otherwise reach everyone.
 */
export function guardEvents(perSecond: number): (socket: BoardSocket) => void {
  const limiter = new RateLimiterMemory({ keyPrefix: 'channel-events', points: perSecond, duration: 1 });
  // Cut once: the events still arriving until the transport has closed are only dropped.
  const cut = new WeakSet<BoardSocket>();
  return (socket) => {
    socket.use((_event, next) => {
      if (sessionExpired(socket)) {
        endSession(socket);
        return;
      }
      limiter.consume(socket.id).then(
        () => next(),
        (rejection: unknown) => {
          if (!(rejection instanceof RateLimiterRes)) {
            console.error('board channel: event limit failed', toError(rejection));
            return;
          }
          if (cut.has(socket)) return;
          cut.add(socket);
          console.error('board channel: events over the limit; connection cut', {
            userId: socket.data.principal.userId,
            sessionId: socket.data.principal.sessionId,
          });
          socket.conn.close();
        },
      );
    });
  };
}
