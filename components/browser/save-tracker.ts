import * as decoding from 'lib0/decoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { READ_ONLY_REASON } from '@/lib/protocol/read-only';

/** y-websocket's message types (its own constants are not exported). */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const SYNC_STEP_1 = 0;
/** Wait for a pause in typing before asking for an acknowledgement. */
const ACK_DELAY_MS = 250;

/**
 * Knows whether every local change has reached the server, and whether the server refused
 * them. y-websocket has no acknowledgements, but the server handles one socket's messages in
 * order and echoes each awareness change back to its sender (server/yjs/room.ts). So after
 * local edits we bump our awareness clock: when the echo of that clock comes back, the server
 * has already logged every update we sent before it.
 *
 * Two things keep the echo honest. A reader's socket gets the echo too, but the server tells a
 * reader whose edit it dropped that the connection is read-only (an Auth "permission denied"
 * message, sent before it handles anything else of ours): from then on no echo counts, and the
 * edits are refused, not saved. And after a reconnect, unsent edits travel in our sync step 2,
 * which answers the server's sync step 1: the bump waits until that step 2 has gone out (on a
 * cold join the server's step 2 can arrive, and mark us synced, before its step 1).
 */
export class SaveTracker {
  private pending = false;
  private refused = false;
  private editedSinceBump = false;
  /** Our sync step 2 has gone out on the current connection. */
  private answeredServer = false;
  private waitingClock: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private counter = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    private readonly onChange: () => void,
  ) {
    doc.on('update', this.onUpdate);
    provider.on('sync', this.onSync);
    provider.on('status', this.onStatus);
    const sync = provider.messageHandlers[MESSAGE_SYNC];
    provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, target, emitSynced, type) => {
      const syncType = decoding.peekVarUint(decoder);
      sync?.(encoder, decoder, target, emitSynced, type);
      // y-websocket sends the step 2 it wrote into `encoder` right after this handler returns.
      if (syncType === SYNC_STEP_1) queueMicrotask(this.onAnsweredServer);
    };
    provider.messageHandlers[MESSAGE_AWARENESS] = (_encoder, decoder, target) => {
      const update = decoding.readVarUint8Array(decoder);
      this.inspect(update);
      awarenessProtocol.applyAwarenessUpdate(target.awareness, update, target);
    };
    provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => {
        if (reason === READ_ONLY_REASON) this.refuse();
      });
    };
  }

  /** Local changes the server has not confirmed yet (or refused). */
  get isPending(): boolean {
    return this.pending;
  }

  /** The server said this connection is read-only after dropping an edit: what is pending was not stored. */
  get isRefused(): boolean {
    return this.refused;
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.doc.off('update', this.onUpdate);
    this.provider.off('sync', this.onSync);
    this.provider.off('status', this.onStatus);
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    // What the server sent us is on the server; anything else (typing, undo, the local copy
    // loaded from IndexedDB) may not be yet.
    if (origin === this.provider) return;
    this.editedSinceBump = true;
    this.setPending(true);
    clearTimeout(this.timer);
    this.timer = setTimeout(this.bump, ACK_DELAY_MS);
  };

  private readonly onSync = (synced: boolean): void => {
    if (synced && this.pending) this.bump();
  };

  private readonly onStatus = ({ status }: { status: string }): void => {
    // A new connection: its echo says nothing until our step 2 went out on it.
    if (status !== 'connected') {
      this.answeredServer = false;
      this.waitingClock = null;
    }
  };

  private readonly onAnsweredServer = (): void => {
    this.answeredServer = true;
    if (this.pending) this.bump();
  };

  private readonly bump = (): void => {
    if (this.refused || !this.answeredServer || !this.provider.wsconnected || !this.provider.synced) return;
    this.editedSinceBump = false;
    this.counter += 1;
    this.provider.awareness.setLocalStateField('ack', this.counter);
    this.waitingClock = this.provider.awareness.meta.get(this.doc.clientID)?.clock ?? null;
  };

  private refuse(): void {
    if (this.refused) return;
    this.refused = true;
    this.waitingClock = null;
    clearTimeout(this.timer);
    this.onChange();
  }

  private inspect(update: Uint8Array): void {
    if (this.waitingClock === null || this.refused) return;
    try {
      const decoder = decoding.createDecoder(update);
      const count = decoding.readVarUint(decoder);
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(decoder);
        const clock = decoding.readVarUint(decoder);
        decoding.readVarString(decoder);
        if (clientId === this.doc.clientID && clock >= this.waitingClock) {
          this.waitingClock = null;
          if (!this.editedSinceBump) this.setPending(false);
          return;
        }
      }
    } catch {
      // A message we cannot read is still applied by the awareness handler; only the ack is lost.
    }
  }

  private setPending(pending: boolean): void {
    if (this.pending === pending) return;
    this.pending = pending;
    this.onChange();
  }
}
