/**
 * A process counts itself in on Redis before it takes connections (server/socket/adapter-listening.ts):
 * the wait resolves once socket.io's adapter has subscribed on its own connection, so that the
 * other processes' questions about who is on a board count it from its first arrival.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/protocol/board-events';
import { connectRedis } from '../../server/redis';
import { adapterListening } from '../../server/socket/adapter-listening';
import type { BoardServer, InterServerEvents, SocketData } from '../../server/socket/socket-data';
import { testRedisUrl } from '../helpers/deployment';
import { waitFor } from '../helpers/wait';

test('the wait ends once the adapter listens on its own channel, and the public channel counts it', async () => {
  const redis = connectRedis(testRedisUrl(), 'test redis');
  await waitFor(() => redis.isReady, 'the Redis client to connect');
  const io: BoardServer = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(
    createServer(),
  );
  try {
    const before = await redis.sendCommand<unknown[]>(['PUBSUB', 'NUMSUB', 'socket.io#/#']);
    io.adapter(createAdapter(redis, { blockTimeInMs: 100 }));
    assert.equal(await adapterListening(io, redis), true);
    const uid: unknown = Reflect.get(io.of('/').adapter, 'uid');
    const own = await redis.sendCommand<unknown[]>(['PUBSUB', 'NUMSUB', `socket.io#/#${String(uid)}#`]);
    assert.equal(Number(own[1]), 1, 'subscribed on its own channel when the wait ends');
    const after = await redis.sendCommand<unknown[]>(['PUBSUB', 'NUMSUB', 'socket.io#/#']);
    assert.equal(Number(after[1]), Number(before[1]) + 1, 'and counted on the public one');
  } finally {
    await io.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await redis.close();
  }
});
