import { EventEmitter } from 'node:events';

/**
 * Record changes made by route handlers, told to the realtime servers in the same process so
 * that open pages update and sockets whose access shrank are closed. Past one process this
 * moves to Redis; callers do not change.
 */
export type Audience =
  /** Everyone who may view the board. */
  | { kind: 'board' }
  /** Only these users, plus the board's interventionists (for unshared letters and the like). */
  | { kind: 'private'; userIds: string[] };

export type BoardTopic = 'members' | 'invites' | 'letters' | 'attempts' | 'board' | 'readiness' | 'versions' | 'debrief';

export type BusEvent =
  | { type: 'session-revoked'; sessionId: string }
  | { type: 'access-changed'; boardId: string }
  | { type: 'board-deleted'; boardId: string }
  | { type: 'board-changed'; boardId: string; topic: BoardTopic; audience: Audience; detail: Record<string, unknown> };

const BUS_KEY = Symbol.for('intervention-board.bus');
type GlobalWithBus = typeof globalThis & { [BUS_KEY]?: EventEmitter };

/** On globalThis: the custom server and Next's bundled handlers load separate copies of this module. */
function emitter(): EventEmitter {
  const holder = globalThis as GlobalWithBus;
  holder[BUS_KEY] ??= new EventEmitter().setMaxListeners(50);
  return holder[BUS_KEY];
}

export function publish(event: BusEvent): void {
  emitter().emit('event', event);
}

export function subscribe(listener: (event: BusEvent) => void): () => void {
  const bus = emitter();
  bus.on('event', listener);
  return () => bus.off('event', listener);
}
