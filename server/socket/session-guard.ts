import type { Principal } from '../auth/principal';
import { toError } from '../http/errors';
import type { BoardServer, BoardSocket } from './socket-data';

/** Tells a connection its session is over, then ends it (the page must not reconnect with that cookie). */
export function endSession(socket: BoardSocket): void {
  socket.emit('session:ended', {});
  socket.disconnect(true);
}

/** Whether the connection's session has run out by now (checked on every event it sends). */
export function sessionExpired(socket: BoardSocket, now = Date.now()): boolean {
  return now >= socket.data.sessionExpiresAt;
}

/**
 * Sessions also end by expiring, which no record change announces, and a connection lives as
 * long as its tab: every `intervalMs` (the sync server's heartbeat interval) this asks once per
 * connected session whether it is still live, and ends the connections of those that are not,
 * as the sync server does for its sockets. Signing out is announced on the bus and cuts at once.
 */
export function startSessionSweep(
  io: BoardServer,
  intervalMs: number,
  isLive: (principal: Principal) => Promise<boolean>,
): { stop(): void } {
  let running = false;
  const sweep = async (): Promise<void> => {
    const bySession = new Map<string, BoardSocket[]>();
    // This process's connections: every process sweeps its own.
    for (const socket of io.of('/').sockets.values()) {
      const list = bySession.get(socket.data.principal.sessionId) ?? [];
      list.push(socket);
      bySession.set(socket.data.principal.sessionId, list);
    }
    for (const sockets of bySession.values()) {
      const first = sockets[0];
      if (!first) continue;
      try {
        if (await isLive(first.data.principal)) continue;
      } catch (error) {
        console.error('board channel: session check failed', toError(error));
        continue;
      }
      for (const socket of sockets) endSession(socket);
    }
  };
  const timer = setInterval(() => {
    // One sweep at a time: a slow database must not pile them up.
    if (running) return;
    running = true;
    void sweep().finally(() => {
      running = false;
    });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
