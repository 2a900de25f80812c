import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** y-websocket's message type for awareness (y-websocket's own constant is not exported). */
const MESSAGE_AWARENESS = 1;
/** Wait for a pause in typing before asking for an acknowledgement. */
const ACK_DELAY_MS = 250;

/**
 * Knows whether every local change has reached the server. y-websocket has no
 * acknowledgements, but the server handles one socket's messages in order and echoes each
 * awareness change back to its sender (server/yjs/room.ts). So after local edits we bump our
 * awareness clock: when the echo of that clock comes back, the server has already logged every
 * update we sent before it. After a reconnect, unsent edits travel in our sync step 2, which we
 * send before the server's sync step 2 marks us synced, so a bump on sync covers them too.
 */
export class SaveTracker {
  private pending = false;
  private editedSinceBump = false;
  private waitingClock: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private counter = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    private readonly onChange: (pending: boolean) => void,
  ) {
    doc.on('update', this.onUpdate);
    provider.on('sync', this.onSync);
    provider.messageHandlers[MESSAGE_AWARENESS] = (_encoder, decoder, target) => {
      const update = decoding.readVarUint8Array(decoder);
      this.inspect(update);
      awarenessProtocol.applyAwarenessUpdate(target.awareness, update, target);
    };
  }

  get isPending(): boolean {
    return this.pending;
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.doc.off('update', this.onUpdate);
    this.provider.off('sync', this.onSync);
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

  private readonly bump = (): void => {
    if (!this.provider.wsconnected || !this.provider.synced) return;
    this.editedSinceBump = false;
    this.counter += 1;
    this.provider.awareness.setLocalStateField('ack', this.counter);
    this.waitingClock = this.provider.awareness.meta.get(this.doc.clientID)?.clock ?? null;
  };

  private inspect(update: Uint8Array): void {
    if (this.waitingClock === null) return;
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
    this.onChange(pending);
  }
}
