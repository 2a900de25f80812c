import { WebSocket, type RawData } from 'ws';
import { CloseCode, closeReason } from '../../lib/protocol/close-codes';
import { READ_ONLY_REASON } from '../../lib/protocol/read-only';
import type { RealtimeLimits } from './limits';
import {
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2Update,
  encodePermissionDenied,
  EMPTY_UPDATE,
  MalformedMessageError,
  parseClientMessage,
  type AwarenessEntry,
  type ClientMessage,
} from './protocol';
import { presenceUserOf, withIdentity, type PresenceUser } from './presence-identity';
import { QuotaExceededError, RoomBrokenError, type Log, type Room, type RoomMember } from './room';
import { TokenBucket } from './token-bucket';
import type { Recipient, TurnBatch } from './turn-batch';
import type { Principal } from './types';

export interface ConnectionHooks {
  limits: RealtimeLimits;
  log: Log;
  /** Called exactly once, when the connection leaves its room (closed by either side). */
  onDetached(connection: Connection): void;
  /**
   * An update from `sender` failed half-way through `room`'s document: the sender is closed, the
   * room is reloaded from the log, and the others move to the reloaded room (moveTo).
   */
  onRoomBroken(room: Room, sender: Connection): void;
  /** Messages are handled once per turn, in one transaction; sends wait for its commit. */
  batch: TurnBatch<Room>;
}

/**
 * One websocket on one document: the y-websocket protocol as the server speaks it, with the
 * access level enforced on every message. Nothing thrown here may escape an event handler.
 */
export class Connection implements RoomMember, Recipient {
  private awarenessId: number | null = null;
  private detached = false;
  /** Anything (a message or a pong) arrived since the heartbeat last visited this socket. */
  private heardFrom = true;
  /** The heartbeat pinged this socket and nothing has arrived since. */
  private pingUnanswered = false;
  private killTimer: NodeJS.Timeout | undefined;
  private readonly bucket: TokenBucket;
  private readonly syncRequests: TokenBucket;
  /** This reader was told that an edit of theirs was dropped (once is enough: it stays read-only). */
  private toldReadOnly = false;
  /** The room's stored state was sent before the connection started (see storedStateMessages). */
  private stateSent: boolean;
  /** Who this socket is in presence, from its session: written into every state it announces. */
  private readonly presenceUser: PresenceUser;
  /** Resolves when the underlying socket is closed (handshake done or terminated). */
  readonly whenClosed: Promise<void>;
  private readonly resolveClosed: () => void;

  constructor(
    private readonly ws: WebSocket,
    readonly principal: Principal,
    readonly docName: string,
    readonly access: 'read' | 'write',
    private current: Room,
    private readonly hooks: ConnectionHooks,
    options: { stateSent?: boolean } = {},
  ) {
    this.stateSent = options.stateSent ?? false;
    this.presenceUser = presenceUserOf(principal);
    this.bucket = new TokenBucket(hooks.limits.messagesPerSecond, hooks.limits.messageBurst);
    this.syncRequests = new TokenBucket(hooks.limits.syncRequestsPerSecond, hooks.limits.syncRequestBurst);
    let resolveClosed = (): void => {};
    this.whenClosed = new Promise((resolve) => {
      resolveClosed = resolve;
    });
    this.resolveClosed = resolveClosed;
  }

  /** The awareness client id this socket owns, if it has announced one. */
  get awarenessIds(): number[] {
    return this.awarenessId === null ? [] : [this.awarenessId];
  }

  /** The room this socket is on; it changes only when a broken room is reloaded (moveTo). */
  get room(): Room {
    return this.current;
  }

  /**
   * Continues on `room`, loaded afresh from the log after an update broke the previous one: the
   * same socket and awareness id, nothing closed. The client held only what the log holds (the
   * broken update was never sent to it), and the server's sync step 1 asks it for anything else.
   */
  moveTo(room: Room): boolean {
    if (this.detached) return false;
    this.current = room;
    room.add(this);
    if (this.awarenessId !== null) room.claimAwarenessId(this, this.awarenessId);
    this.send(encodeSyncStep1(room.doc));
    return true;
  }

  /**
   * Stops reading the client's messages (they wait in the socket) while its room is loaded
   * again over the network: nothing may be applied to the broken room meanwhile.
   */
  pauseReading(): void {
    this.ws.pause();
  }

  resumeReading(): void {
    this.ws.resume();
  }

  /** Joins the room and sends the server's sync step 1 (and who is here). */
  start(): void {
    this.ws.on('message', this.onMessage);
    this.ws.on('close', this.onClose);
    this.ws.on('error', this.onError);
    this.ws.on('pong', this.onSignOfLife);
    this.room.add(this);
    this.send(encodeSyncStep1(this.room.doc));
    if (this.room.awareness.getStates().size > 0) this.send(this.room.awarenessSnapshot());
  }

  /** Called from room broadcasts, inside Yjs and awareness event emission: never throws. */
  send(bytes: Uint8Array): void {
    this.hooks.batch.send(this, bytes);
  }

  /** Writes to the socket now (the batch calls it once what is sent is stored). Never throws. */
  deliver(bytes: Uint8Array): void {
    if (this.detached || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > this.hooks.limits.maxBufferedBytes) {
      // Deferred: closing leaves the room, which must not happen while it iterates members.
      setImmediate(() => this.close(CloseCode.TryAgainLater));
      return;
    }
    try {
      // No completion callback: one closure per recipient per update is measurable in the
      // fan-out, and a failed write surfaces anyway as the socket's 'error' and 'close'.
      this.ws.send(bytes);
    } catch (error) {
      this.log('yjs.send-error', { error: String(error) });
    }
  }

  /**
   * Called once per ping interval. A socket heard from since the last visit is alive and is not
   * pinged: open pages renew their awareness every 15 s, so pings go only to quiet sockets, and
   * 2,000 busy sockets cost no ping at all. A quiet socket is pinged; if nothing has arrived by
   * the next visit it is dead (a network that went away without a close) and is cut off.
   */
  heartbeat(): void {
    if (this.detached) return;
    if (this.heardFrom) {
      this.heardFrom = false;
      return;
    }
    if (this.pingUnanswered) {
      this.detach();
      this.ws.terminate();
      return;
    }
    this.pingUnanswered = true;
    try {
      this.ws.ping();
    } catch (error) {
      this.log('yjs.ping-error', { error: String(error) });
    }
  }

  /**
   * Leaves the room at once (no more bytes of the document go out) and asks the client to
   * close with `code`; a client that does not complete the handshake is cut off shortly after.
   */
  close(code: number): void {
    if (this.detached) return;
    this.detach();
    this.log('yjs.close', { code, reason: closeReason(code) });
    try {
      this.ws.close(code, closeReason(code));
    } catch (error) {
      this.log('yjs.close-error', { error: String(error) });
      this.ws.terminate();
      return;
    }
    this.killTimer = setTimeout(() => this.ws.terminate(), this.hooks.limits.closeTimeoutMs);
    this.killTimer.unref();
  }

  /** Leaves the room exactly once; runs from event handlers and timers, so it never throws. */
  private detach(): void {
    if (this.detached) return;
    this.detached = true;
    try {
      this.room.remove(this, this.awarenessId);
    } catch (error) {
      this.log('yjs.detach-error', { error: String(error) });
    }
    try {
      this.hooks.onDetached(this);
    } catch (error) {
      this.log('yjs.detach-error', { error: String(error) });
    }
  }

  private readonly onClose = (): void => {
    clearTimeout(this.killTimer);
    this.detach();
    this.resolveClosed();
  };

  private readonly onError = (error: Error): void => {
    // ws closes the socket itself after an error (e.g. 1009 for maxPayload); 'close' follows.
    this.log('yjs.socket-error', { error: error.message });
  };

  private readonly onSignOfLife = (): void => {
    this.heardFrom = true;
    this.pingUnanswered = false;
  };

  private readonly onMessage = (data: RawData, isBinary: boolean): void => {
    if (this.detached) return;
    this.onSignOfLife();
    // Counted as it arrives: a flood is cut off before it queues up in the turn's batch.
    if (!this.bucket.take()) {
      this.close(CloseCode.RateLimited);
      return;
    }
    this.hooks.batch.enqueue(this.room, () => this.process(data, isBinary));
  };

  /** Handles one message inside the turn's batch; closed meanwhile (e.g. revoked): dropped. */
  private process(data: RawData, isBinary: boolean): void {
    if (this.detached) return;
    try {
      if (!isBinary) throw new MalformedMessageError('text frame');
      this.handle(parseClientMessage(toBytes(data)));
    } catch (error) {
      if (error instanceof RoomBrokenError) {
        this.log('yjs.room-broken', { error: String(error.cause) });
        // The sender is refused for good (a transient code would make it resend the same
        // update on reconnect, forever); the others stay, on a room reloaded from the log.
        const room = this.room;
        this.close(CloseCode.MalformedMessage);
        this.hooks.onRoomBroken(room, this);
      } else if (error instanceof QuotaExceededError) {
        // Not stored, not applied; the page keeps it (its local copy) and may send it later.
        this.log('yjs.quota-exceeded', {});
        this.close(CloseCode.QuotaExceeded);
      } else if (error instanceof MalformedMessageError) {
        this.log('yjs.malformed-message', { error: error.message });
        this.close(CloseCode.MalformedMessage);
      } else {
        // Our failure (e.g. the disk is full), not the client's: it may reconnect and resend.
        this.log('yjs.message-error', { error: String(error) });
        this.close(CloseCode.InternalError);
      }
    }
  }

  private handle(message: ClientMessage): void {
    switch (message.kind) {
      case 'sync-step1':
        if (!this.syncRequests.take()) {
          this.close(CloseCode.RateLimited);
          return;
        }
        if (this.stateSent) {
          // The stored state went out at the upgrade and every later update since, as to any
          // member: the answer to the client's first request (sent before it had them) is nothing.
          this.stateSent = false;
          this.send(encodeSyncStep2Update(EMPTY_UPDATE));
          return;
        }
        this.send(encodeSyncStep2(this.room.doc, message.stateVector));
        return;
      case 'sync-step2':
      case 'sync-update':
        if (this.access === 'write') {
          this.room.applyClientUpdate(message.update, this.principal.userId, this, this.principal);
          return;
        }
        if (message.kind === 'sync-update') {
          // A reader's sync step 2 is normal protocol; a live update means the page let a
          // reader edit, worth knowing. Neither reaches the document or the log.
          this.log('yjs.reader-update-dropped', { bytes: message.update.length });
        }
        if (!this.toldReadOnly && this.room.wouldChange(message.update)) {
          // Otherwise the page would count the edit as saved (its acknowledgement is the echo
          // of its awareness, which readers get too) and never learn it was not stored.
          this.toldReadOnly = true;
          this.send(encodePermissionDenied(READ_ONLY_REASON));
        }
        return;
      case 'awareness':
        this.handleAwareness(message.entries);
        return;
      case 'query-awareness':
        // Always answered, even when empty: clients (and tests) can use it as a round trip.
        this.send(this.room.awarenessSnapshot());
        return;
    }
  }

  private handleAwareness(entries: AwarenessEntry[]): void {
    for (const entry of entries) {
      if (Buffer.byteLength(entry.stateJson) > this.hooks.limits.maxAwarenessStateBytes) {
        throw new MalformedMessageError('awareness state too large');
      }
    }
    if (this.awarenessId === null) {
      const first = entries[0];
      if (first === undefined) return;
      if (!this.room.claimAwarenessId(this, first.clientId)) {
        this.log('yjs.awareness-id-taken', { clientId: first.clientId });
        return;
      }
      this.awarenessId = first.clientId;
    }
    const own: AwarenessEntry[] = [];
    for (const entry of entries) {
      if (entry.clientId === this.awarenessId) own.push(withIdentity(entry, this.presenceUser));
    }
    if (own.length !== entries.length) {
      this.log('yjs.awareness-foreign-dropped', { dropped: entries.length - own.length });
    }
    this.room.applyAwareness(own, this);
  }

  private log(event: string, detail: Record<string, unknown>): void {
    this.hooks.log(event, {
      doc: this.docName,
      userId: this.principal.userId,
      sessionId: this.principal.sessionId,
      ...detail,
    });
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
