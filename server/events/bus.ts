import type { BoardTopic, NotifyKind } from '../../lib/protocol/board-events';
import type { RunMessage } from '../../lib/run/types';
import { toError } from '../http/errors';

/**
 * Record changes made by route handlers, told to the realtime servers (server/channels.ts) so
 * that open pages update and sockets whose access shrank are closed. With several processes on
 * one PostgreSQL database, a forwarder (postgres-relay.ts) also tells the other processes;
 * callers do not change.
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

/**
 * Sends an event published here to the other processes; its promise settles once they will be
 * told (the notification is committed). Events it does not carry it ignores.
 */
export type BusForwarder = (event: BusEvent) => Promise<void>;

const BUS_KEY = Symbol.for('intervention-board.bus');
const FORWARDER_KEY = Symbol.for('intervention-board.bus-forwarder');
type GlobalWithBus = typeof globalThis & { [BUS_KEY]?: Set<BusListener>; [FORWARDER_KEY]?: BusForwarder };

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
 * Tells every listener and resolves once each has acted on it, and once the other processes
 * will be told, if any (they act on it within about a second, without this waiting for them).
 * For a change that later work depends on: staging an attempt copies it only after every writer
 * of the frozen one on this process is gone.
 */
export async function publishSettled(event: BusEvent): Promise<void> {
  const forwarder = (globalThis as GlobalWithBus)[FORWARDER_KEY];
  const pending = tellListeners(event);
  if (forwarder) pending.push(settle(() => forwarder(event)));
  await Promise.all(pending);
}

/**
 * Hands an event another process published to this process's listeners, as a local publish
 * would, but never to the forwarder: it came from the other processes, so it goes back to none.
 */
export async function deliverFromPeer(event: BusEvent): Promise<void> {
  await Promise.all(tellListeners(event));
}

function tellListeners(event: BusEvent): Promise<void>[] {
  // One failing listener must not keep the event from the others.
  return [...listeners()].map((listener) => settle(() => listener(event)));
}

/** A listener's outcome as a promise, whether it returned, threw or rejected. */
function settle(run: () => void | Promise<void>): Promise<void> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(toError(error));
  }
}

export function subscribe(listener: BusListener): () => void {
  const all = listeners();
  all.add(listener);
  return () => all.delete(listener);
}

/**
 * Makes `forwarder` the process's one forwarder (there is one relay a process); the returned
 * function removes it, unless another has replaced it since.
 */
export function installForwarder(forwarder: BusForwarder): () => void {
  const holder = globalThis as GlobalWithBus;
  // One relay per process; a second (a test's) stands in for it until it stops.
  const previous = holder[FORWARDER_KEY];
  holder[FORWARDER_KEY] = forwarder;
  return () => {
    if (holder[FORWARDER_KEY] === forwarder) holder[FORWARDER_KEY] = previous;
  };
}
