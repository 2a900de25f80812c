import type { RedisClient } from '../redis';
import type { BoardServer } from './socket-data';

/** socket.io's Redis adapter names each process's own channel so (its default channel prefix). */
const CHANNEL_PREFIX = 'socket.io';
const POLL_MS = 20;

/**
 * Resolves once this process's socket.io adapter listens on Redis, or after `timeoutMs`.
 *
 * Why before the server listens: the adapter subscribes on a connection of its own, a moment
 * after it is made, and until then the other processes count this one out of every question
 * (socket.io asks Redis how many listen) and its answers to its own questions go unheard. People
 * reconnecting to a process that has just started (a restart, a deploy) would then be missing
 * from the other processes' lists until the next resync (board-presence.ts), 20 s later.
 *
 * The adapter's own channel is named after its id, which socket.io keeps to itself: it is read
 * at run time and, should a later version not have it, this resolves at once (as before).
 */
export async function adapterListening(io: BoardServer, redis: RedisClient, timeoutMs = 5000): Promise<boolean> {
  const uid: unknown = Reflect.get(io.of('/').adapter, 'uid');
  if (typeof uid !== 'string') return false;
  const channel = `${CHANNEL_PREFIX}#/#${uid}#`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Not connected yet (the client is made with the server), or Redis away: a command would
    // wait in the client's queue, so the wait is for the connection, up to the same deadline.
    // Past it the process serves all the same, and the adapter listens once Redis is back.
    if (!redis.isReady) {
      await sleep(POLL_MS);
      continue;
    }
    try {
      const reply = await Promise.race([
        redis.sendCommand<unknown[]>(['PUBSUB', 'NUMSUB', channel]),
        sleep(Math.max(0, deadline - Date.now())).then(() => null),
      ]);
      if (reply === null) return false;
      if (Number(reply[1]) > 0) return true;
    } catch {
      return false;
    }
    await sleep(POLL_MS);
  }
  return false;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
