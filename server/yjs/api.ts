import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RealtimeLimits } from './limits';
import type { DocStorage } from './storage';
import type { DocAccess, Principal } from './types';

/** What the host hands createYjsServer (yjs-server.ts); YjsServer below is what it gets back. */
export interface YjsServerOptions {
  /** Where documents are loaded from and every accepted update is logged before it is sent. */
  storage: DocStorage;
  /** Authenticates a raw upgrade request (session cookie); null when not signed in. */
  authenticate(req: IncomingMessage): Promise<Principal | null>;
  /**
   * The project's one permission function. Returns 'none' for unknown or malformed names too,
   * and for a principal whose session was revoked: revalidate relies on that to cut sessions.
   */
  docAccess(principal: Principal, docName: string): Promise<DocAccess>;
  /**
   * Whether the principal's session is still live (not signed out, not expired). When given,
   * revalidation closes a dead session's sockets with NotAuthenticated ("sign in again")
   * rather than AccessRevoked ("you lost access"), so the page can say which.
   */
  isSessionLive?(principal: Principal): Promise<boolean>;
  log?(event: string, detail: Record<string, unknown>): void;
  /** Overrides of server/yjs/limits.ts (tests use a small checkpoint interval). */
  limits?: Partial<RealtimeLimits>;
}

export interface RevalidateFilter {
  /** Documents named `board/<boardId>/...`. */
  boardId?: string;
  userId?: string;
  sessionId?: string;
}

export interface YjsServer {
  /** Called by the http server's 'upgrade' listener for paths starting with /yjs/. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Re-runs docAccess for every open connection matching the filter (all fields must match;
   * no filter: every connection) and closes at once those whose access changed:
   * none -> AccessRevoked, write -> read -> AccessReduced, read -> write -> AccessIncreased.
   * Upgrades in flight re-check their access too. Resolves when every check has finished.
   */
  revalidate(filter?: RevalidateFilter): Promise<void>;
  /** Closes sockets with ServerShutdown (checkpointing every room) and refuses new ones. */
  close(): Promise<void>;
  /**
   * Discards every room of a deleted board without checkpointing and closes its sockets with
   * AccessRevoked; the caller then removes the board's stored documents for good.
   */
  dropBoard(boardId: string): Promise<void>;
  /**
   * Applies an update the server made itself (run mode writing what happened into a debrief) as
   * `userId`'s edit, exactly as a writer's: within a turn's batch, logged before it is applied and
   * sent to everyone in the room, the room loaded first if nobody has it open (server-edit.ts).
   * Resolves once it is stored; rejects if it was not (nothing of it was then sent).
   */
  applyServerUpdate(docName: string, userId: string, update: Uint8Array): Promise<void>;
  /**
   * Stops serving a board whose lease another process holds now: its rooms are dropped without
   * a checkpoint and its sockets closed with ServerShutdown, so that their clients reconnect.
   */
  closeBoard(boardId: string): void;
  /**
   * Closes at once the sockets of this session on this document, with the code for the access
   * the permission function now gives it (AccessReduced, AccessRevoked): a writer whose update
   * the append fence refused (server/update-log/append-fence.ts) learns why before its room
   * reloads. The room is marked broken first: it holds what the store refused.
   */
  closeOutdated(sessionId: string, docName: string, now: DocAccess): void;
  /** The boards with a room loaded or loading here, or a socket open (their leases are kept). */
  boardsInUse(): Set<string>;
  /** Rooms someone holds, loaded rooms nobody holds (see RoomManager), open sockets. */
  stats(): { rooms: number; idleRooms: number; connections: number };
}
