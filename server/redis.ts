import { createClient, type RedisClientType } from 'redis';
import { env } from './env';
import { toError } from './http/errors';

/** node-redis's client with its default commands (RESP3, no modules of its own). */
export type RedisClient = RedisClientType;

/**
 * Waits between attempts to reach Redis again: doubling from 100 ms, at most 5 s, for as long
 * as the process runs. Redis holds only what may be lost (socket.io's messages between processes,
 * rate limits), so nothing stops while it is away; it must simply come back by itself.
 */
export function reconnectDelay(retries: number): number {
  return Math.min(5000, 100 * 2 ** Math.min(retries, 6));
}

/**
 * A client that keeps trying to reach `url` forever and reports its failures to the log instead
 * of ending the process (an 'error' event without a listener would). One line when the link is
 * lost and one when it is back, not one per retry.
 */
export function connectRedis(url: string, label = 'redis'): RedisClient {
  const client = createClient({ url, socket: { reconnectStrategy: reconnectDelay } });
  let down = false;
  client.on('error', (error: unknown) => {
    if (down) return;
    down = true;
    console.error(`${label}: unreachable, retrying`, toError(error).message);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    console.log(`${label}: connected again`);
  });
  // Resolves once connected (however many retries that takes); rejects only when closed first.
  client.connect().catch((error: unknown) => {
    if (client.isOpen) console.error(`${label}: gave up connecting`, toError(error));
  });
  return client;
}

const REDIS_KEY = Symbol.for('intervention-board.redis');
type GlobalWithRedis = typeof globalThis & { [REDIS_KEY]?: RedisClient };

/**
 * The process's one Redis client, or null when REDIS_URL is unset (one process: everything stays
 * in memory, as it always did). Created on first use and kept on globalThis because the custom
 * server and Next's bundled route handlers load separate copies of this module. Commands sent
 * while it is reconnecting wait in node-redis's queue (at most its command timeout, 5 s): callers
 * that must not wait check `isReady` first.
 */
export function redis(): RedisClient | null {
  const url = env().REDIS_URL;
  if (!url) return null;
  const holder = globalThis as GlobalWithRedis;
  holder[REDIS_KEY] ??= connectRedis(url);
  return holder[REDIS_KEY];
}

/** Closes the client at shutdown: pending commands are answered first unless Redis is away. */
export async function closeRedis(): Promise<void> {
  const holder = globalThis as GlobalWithRedis;
  const client = holder[REDIS_KEY];
  holder[REDIS_KEY] = undefined;
  if (!client?.isOpen) return;
  // A graceful close would wait for Redis to come back before answering the queued commands.
  if (client.isReady) await client.close();
  else client.destroy();
}
