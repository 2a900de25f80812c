import type { PresencePerson } from '../../lib/protocol/board-events';
import { toError } from '../http/errors';
import type { RedisClient } from '../redis';
import { PresencePeopleSchema } from './payload-schemas';
import { listPeople, type PresenceRegistry } from './presence';
import { boardRoom } from './rooms';
import type { BoardServer } from './socket-data';

/** Every board with people on this process is asked about again this often (see below). */
const RESYNC_MS = 20_000;
/** Longer than socket.io's own wait for the other processes' replies (5 s). */
const GATHER_TIMEOUT_MS = 7_000;

export interface BoardPresence {
  /** Someone on this process joined, left, moved or changed role on `boardId`: the board hears. */
  changed(boardId: string): void;
  stop(): void;
}

/**
 * Who is on a board, sent to everyone on it as `presence`.
 *
 * One process: its registry is the whole answer, sent to the board's room at each change.
 *
 * Several processes (the Redis adapter): each process keeps only its own sockets' entries and
 * sends each board's list only to its own sockets on it (`io.local`), after asking the others
 * who of theirs is there (`serverSideEmit` with a reply). At each change, the process where it
 * happened tells the others ('presence:changed'), and every process with people on that board
 * asks again. Chosen over the alternatives because it keeps no copy of another process's state,
 * so there is nothing to go stale: a process that starts, or ends, or crashes, is simply in or
 * out of the next answer (socket.io counts the processes listening on Redis at each request).
 * Not `fetchSockets()` across the adapter, which would send every socket's handshake, session
 * cookie included, through Redis. Not one list broadcast by the process where the change
 * happened: two changes at once on two processes could reach the board in either order, and
 * the older list would stay. Here each process asks one question at a time per board, and
 * once more if told of a change meanwhile, so the last list it sends was gathered after the
 * last change it heard of.
 *
 * Every RESYNC_MS, and when Redis is back after an outage, each process asks again about its
 * boards: that covers a process that crashed without a word and notices lost while Redis was
 * away. Lists are sent then only if they differ from the last one; a change on this process
 * always sends, so that whoever just joined gets it. While Redis is away, a change here is sent
 * with the other processes' people as they last answered.
 */
export function boardPresence(io: BoardServer, registry: PresenceRegistry, redis: RedisClient | null): BoardPresence {
  const send = (boardId: string, people: PresencePerson[]): void => {
    io.local.to(boardRoom(boardId)).emit('presence', { boardId, people });
  };
  if (!redis) return { changed: (boardId) => send(boardId, registry.list(boardId)), stop: () => undefined };

  const hasLocalSockets = (boardId: string): boolean =>
    (io.of('/').adapter.rooms.get(boardRoom(boardId))?.size ?? 0) > 0;

  let stopped = false;

  /** Who of the other processes' is on the board; null when they could not be asked. */
  const gather = (boardId: string): Promise<PresencePerson[] | null> =>
    new Promise((resolve) => {
      // While Redis is away, the question would wait in node-redis's queue and then fail.
      if (stopped || !redis.isReady) return resolve(null);
      const timer = setTimeout(() => resolve(null), GATHER_TIMEOUT_MS);
      timer.unref();
      const answered = (error: Error | null, replies: unknown[]): void => {
        clearTimeout(timer);
        // A process that has not answered in time is left out until the next question.
        if (error) console.error('board presence: a process did not answer', toError(error).message);
        resolve(replies.flatMap((reply) => PresencePeopleSchema.safeParse(reply).data ?? []));
      };
      // What io.serverSideEmit does, minus dropping the adapter's promise: should Redis go away
      // between the check above and the question, the failure is caught here, not left unhandled.
      const asked: unknown = io.of('/').adapter.serverSideEmit(['presence:list', boardId, answered]);
      if (asked instanceof Promise) asked.catch((error: unknown) => answered(toError(error), []));
    });

  const lastSent = new Map<string, string>();
  /** The other processes' people at the last answer: kept in the list while they cannot be asked. */
  const lastTheirs = new Map<string, PresencePerson[]>();
  /** Boards being asked about now; `again`: a change arrived meanwhile, ask once more. */
  const asking = new Map<string, { again: boolean; force: boolean }>();

  const refresh = async (boardId: string, force: boolean): Promise<void> => {
    if (stopped) return;
    const running = asking.get(boardId);
    if (running) {
      running.again = true;
      running.force ||= force;
      return;
    }
    const state = { again: true, force };
    asking.set(boardId, state);
    try {
      while (state.again) {
        const mustSend = state.force;
        state.again = false;
        state.force = false;
        if (!hasLocalSockets(boardId)) {
          lastSent.delete(boardId);
          lastTheirs.delete(boardId);
          continue;
        }
        const theirs = (await gather(boardId)) ?? lastTheirs.get(boardId) ?? [];
        lastTheirs.set(boardId, theirs);
        const people = listPeople([...registry.list(boardId), ...theirs]);
        const text = JSON.stringify(people);
        if (!mustSend && lastSent.get(boardId) === text) continue;
        lastSent.set(boardId, text);
        send(boardId, people);
      }
    } catch (error) {
      console.error('board presence: refresh failed', toError(error));
    } finally {
      asking.delete(boardId);
    }
  };
  const refreshAll = (): void => {
    for (const boardId of registry.boardIds()) void refresh(boardId, false);
  };

  io.on('presence:changed', (boardId) => {
    if (typeof boardId === 'string') void refresh(boardId, false);
  });
  io.on('presence:list', (boardId, reply) => {
    if (typeof boardId === 'string' && typeof reply === 'function') reply(registry.list(boardId));
  });
  // Back after an outage: what changed meanwhile elsewhere was not heard.
  redis.on('ready', refreshAll);
  const resync = setInterval(refreshAll, RESYNC_MS);
  resync.unref();

  return {
    changed: (boardId) => {
      // Not stopped: a socket leaving at shutdown is still told to the others.
      io.serverSideEmit('presence:changed', boardId);
      void refresh(boardId, true);
    },
    stop: () => {
      stopped = true;
      clearInterval(resync);
      redis.off('ready', refreshAll);
    },
  };
}
