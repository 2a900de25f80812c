/**
 * Limits of the realtime servers (the Yjs sync server, the board channel, and the history API
 * that rebuilds documents), in one place so that operators and tests see them all.
 * A writer can already destroy the content of a document it may edit; these limits protect
 * the process and the other sockets, not the document.
 */
export interface RealtimeLimits {
  /** Largest accepted websocket frame; above it `ws` closes the socket with 1009. */
  maxFrameBytes: number;
  /** Token bucket per socket: sustained messages per second... */
  messagesPerSecond: number;
  /** ...and the burst a socket may send at once (e.g. after reconnecting). */
  messageBurst: number;
  /**
   * Sync step 1 requests (each answered with the whole missing state, costly for a big doc)
   * per second and burst; a provider sends one per connection, or one per resyncInterval.
   */
  syncRequestsPerSecond: number;
  syncRequestBurst: number;
  /** A checkpoint (merged state) is written after this many logged updates of a document. */
  checkpointEvery: number;
  /** Largest JSON awareness state of one client; it is relayed to everyone in the room. */
  maxAwarenessStateBytes: number;
  /** A socket whose unsent data exceeds this is closed: it does not read, and would grow memory. */
  maxBufferedBytes: number;
  /** Ping interval; a socket that missed one pong is terminated at the next. */
  pingIntervalMs: number;
  /** After asking a socket to close, wait this long for the handshake before destroying it. */
  closeTimeoutMs: number;
  /**
   * A room whose last socket left stays loaded this long (0: unloaded at once), so that a
   * reload or a move between the board's pages joins an open room instead of rebuilding it.
   */
  idleRoomMs: number;
  /** At most this many such idle rooms stay loaded; beyond it the longest idle is unloaded. */
  idleRoomsMax: number;
  /**
   * Loading a room from storage applies its stored parts for about this long per turn, then
   * lets other rooms' messages, pings and sends pass (0: one part per turn).
   */
  loadTurnMs: number;
  /**
   * Sockets one session may hold open at once: document sockets in the sync process, and
   * separately board-channel (socket.io) connections in the web process. A board page opens
   * its plan, the notes and one per participant's letters; each tab opens its own.
   */
  maxSocketsPerSession: number;
  /** The same over all of one person's sessions (devices, browsers). */
  maxSocketsPerUser: number;
  /** Documents one person may hold open at once over all their sockets: each is a room in memory. */
  maxRoomsPerUser: number;
  /**
   * Bytes one document's update log may grow by in an hour: a budget that refills continuously
   * (so at most this much at once, then this much per hour). Protects the disk, and every other
   * board on it.
   */
  loggedBytesPerDocPerHour: number;
  /** The same for one person, over every document they write. */
  loggedBytesPerUserPerHour: number;
  /** Board-channel (socket.io) events one connection may send per second; beyond it, it is cut. */
  channelEventsPerSecond: number;
  /** History API requests (log, timeline, rebuilt states) per person per minute; beyond it, 429. */
  historyRequestsPerMinute: number;
}

export const DEFAULT_LIMITS: Readonly<RealtimeLimits> = Object.freeze({
  maxFrameBytes: 2 * 1024 * 1024,
  messagesPerSecond: 200,
  messageBurst: 400,
  syncRequestsPerSecond: 2,
  syncRequestBurst: 10,
  checkpointEvery: 500,
  maxAwarenessStateBytes: 64 * 1024,
  maxBufferedBytes: 16 * 1024 * 1024,
  pingIntervalMs: 30_000,
  closeTimeoutMs: 1_000,
  idleRoomMs: 30_000,
  idleRoomsMax: 200,
  loadTurnMs: 12,
  maxSocketsPerSession: 64,
  maxSocketsPerUser: 128,
  maxRoomsPerUser: 64,
  loggedBytesPerDocPerHour: 8 * 1024 * 1024,
  loggedBytesPerUserPerHour: 16 * 1024 * 1024,
  channelEventsPerSecond: 20,
  historyRequestsPerMinute: 120,
});

export function resolveLimits(overrides: Partial<RealtimeLimits> = {}): RealtimeLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
