import type { BoardTopic, NotifyKind } from '../../lib/protocol/board-events';
import type { RunMessage } from '../../lib/run/types';
import { toError } from '../http/errors';

/**
 * Record changes made by route handlers, told to the realtime servers (server/channels.ts) so
 * that open pages update and sockets whose access shrank are closed. Past one machine this
 * moves to Redis; callers do not change.
 */
export type Audience =
  /** Everyone who may view the board. */
  | { kind: 'board' }
  /** Only these users, plus the board's interventionists (for unshared letters and the like). */
  | { kind: 'private'; userIds: string[] };

/** Who a notice is for: a board's interventionists (but not the one who caused it), or one member. */
export type NotifyTarget = { kind: 'interventionists'; except: string } | { kind: 'user'; userId: string };

export type BusEvent =
  | { type: 'session-revoked'; sessionId: string }
  | { type: 'access-changed'; boardId: string }
  | { type: 'board-deleted'; boardId: string }
  | { type: 'board-changed'; boardId: string; topic: BoardTopic; audience: Audience; detail: Record<string, unknown> }
  /** A notice the server decided to send (a question asked or answered): who, never what. */
  | { type: 'notify'; boardId: string; to: NotifyTarget; kind: NotifyKind; from: string }
  /** A moment of run mode: its state to the board, a signal to the team, a request to the interventionists. */
  | { type: 'run'; boardId: string; audience: Audience; message: RunMessage }
  /**
   * An edit the server made to a document (run mode's debrief entry), for the sync process to
   * apply as `userId`'s; `publishSettled` resolves once it is stored.
   */
  | { type: 'doc-edit'; boardId: string; docName: string; userId: string; update: Uint8Array };

/** May return a promise: `publishSettled` waits for it (e.g. until open sockets were re-checked). */
export type BusListener = (event: BusEvent) => void | Promise<void>;

const BUS_KEY = Symbol.for('intervention-board.bus');
type GlobalWithBus = typeof globalThis & { [BUS_KEY]?: Set<BusListener> };

/** On globalThis: the custom server and Next's bundled handlers load separate copies of this module. */
function listeners(): Set<BusListener> {
  const holder = globalThis as GlobalWithBus;
  holder[BUS_KEY] ??= new Set();
  return holder[BUS_KEY];
}

/** Tells every listener; nothing waits for what they do with it. */
export function publish(event: BusEvent): void {
  void publishSettled(event).catch((error: unknown) => console.error('bus listener failed', error));
}

/**
 * Tells every listener and resolves once each has acted on it. For a change that later work
 * depends on: staging an attempt copies it only after every writer of the frozen one is gone.
 */
export async function publishSettled(event: BusEvent): Promise<void> {
  const pending: Promise<void>[] = [];
  // One failing listener must not keep the event from the others.
  for (const listener of listeners()) {
    try {
      pending.push(Promise.resolve(listener(event)));
    } catch (error) {
      pending.push(Promise.reject(toError(error)));
    }
  }
  await Promise.all(pending);
}

export function subscribe(listener: BusListener): () => void {
  const all = listeners();
  all.add(listener);
  return () => all.delete(listener);
}
