import type { DocStorage } from './storage';

/** Something that sends bytes once it is safe to (a connection). */
export interface Recipient {
  deliver(bytes: Uint8Array): void;
}

/**
 * Handles the messages read in one turn of the event loop together: in arrival order, inside
 * one storage transaction, with everything they make the server send held until it commits.
 *
 * Why: every update is logged before anyone sees it (docs/realtime.md, section 5), and a
 * commit per update was the product's largest cost after the socket writes (a fifth of the
 * server's time at saturation). Under load many messages arrive per turn, and one commit now
 * covers them all. Handling stays synchronous from the first message to the commit, so nothing
 * can observe a document holding an update that is not yet stored, and each socket's messages
 * keep their order. When the turn holds a single message this costs one setImmediate.
 *
 * If the commit fails, nothing the batch would have sent goes out: the rooms it touched may hold
 * updates the log does not, so they are reported (the server closes their sockets and reloads
 * them; each client's next sync sends its updates again).
 */
export class TurnBatch<Room> {
  private inbox: Array<{ room: Room; work: () => void }> = [];
  private held: Array<{ to: Recipient; bytes: Uint8Array }> | null = null;
  private scheduled = false;
  /** Rooms the batch being handled touched besides its messages' own (a room reloaded meanwhile). */
  private touched: Room[] = [];

  constructor(
    private readonly storage: Pick<DocStorage, 'transaction'>,
    private readonly onCommitFailed: (rooms: Set<Room>, error: unknown) => void,
  ) {}

  /** Queues `work` (which must not throw) for this turn's batch, on behalf of `room`. */
  enqueue(room: Room, work: () => void): void {
    this.inbox.push({ room, work });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  /** Sends now, or after the commit when called while a batch is being handled. */
  send(to: Recipient, bytes: Uint8Array): void {
    if (this.held) this.held.push({ to, bytes });
    else to.deliver(bytes);
  }

  /**
   * Counts `room` among those the batch being handled touched, so that it is reported if the
   * commit fails (e.g. a room loaded inside the transaction, from what the transaction wrote).
   */
  touch(room: Room): void {
    if (this.held) this.touched.push(room);
  }

  /** Handles whatever is queued now (setImmediate runs it once per turn that queued anything). */
  readonly flush = (): void => {
    this.scheduled = false;
    const batch = this.inbox;
    this.inbox = [];
    if (batch.length === 0) return;
    const held: Array<{ to: Recipient; bytes: Uint8Array }> = [];
    this.held = held;
    try {
      this.storage.transaction(() => {
        for (const item of batch) item.work();
      });
    } catch (error) {
      // Nothing of a failed batch goes out: what it would send may hold what was not stored.
      this.held = null;
      const touched = new Set([...batch.map((item) => item.room), ...this.touched]);
      this.touched = [];
      this.onCommitFailed(touched, error);
      return;
    }
    this.held = null;
    this.touched = [];
    for (const { to, bytes } of held) to.deliver(bytes);
  };
}
