/** Something that sends bytes once it is safe to (a connection). */
export interface Recipient {
  deliver(bytes: Uint8Array): void;
  /** The room it belongs to, if any: sends to other rooms survive a failed commit. */
  readonly room?: unknown;
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
 *
 * A commit may also complete later (PostgreSQL: the batch's rows go in one insert over the
 * network). Until it does, everything the server sends is held, whatever its origin, and the
 * messages that arrive meanwhile wait in the inbox for the next batch: the documents already
 * hold the batch's updates, so nothing may be sent from them, nor anything more applied on top
 * of updates that may yet fail to be stored. The next batch then takes all that arrived
 * meanwhile, which is what groups commits when they take longer.
 */
export class TurnBatch<Room> {
  private inbox: Array<Queued<Room>> = [];
  private held: Array<{ to: Recipient; bytes: Uint8Array }> | null = null;
  private scheduled = false;
  /** A commit that completes later is under way (its sends are in `held`). */
  private committing: Promise<void> | null = null;
  /** Rooms the batch being handled touched besides its messages' own (a room reloaded meanwhile). */
  private touched: Room[] = [];

  constructor(
    private readonly storage: { transaction(work: () => void): void | Promise<void> },
    private readonly onCommitFailed: (rooms: Set<Room>, error: unknown) => void,
  ) {}

  /**
   * Queues `work` (which must not throw) for this turn's batch, on behalf of `room`. `settled`
   * is told once the batch is stored (true) or failed (false).
   */
  enqueue(room: Room, work: () => void, settled?: (stored: boolean) => void): void {
    this.inbox.push({ room, work, settled });
    this.schedule();
  }

  private schedule(): void {
    // While a commit is under way the inbox waits; the commit schedules it when it lands.
    if (this.scheduled || this.committing) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  /** Handles what is queued and resolves once no commit is under way (shutdown). */
  async settled(): Promise<void> {
    while (this.committing || this.inbox.length > 0) {
      if (this.committing) await this.committing;
      else this.flush();
    }
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
    if (this.held && !this.committing) this.touched.push(room);
  }

  /**
   * Handles whatever is queued now (setImmediate runs it once per turn that queued anything).
   * A commit under way is left to finish: its landing handles the inbox.
   */
  readonly flush = (): void => {
    this.scheduled = false;
    if (this.committing) return;
    const batch = this.inbox;
    this.inbox = [];
    if (batch.length === 0) return;
    const held: Array<{ to: Recipient; bytes: Uint8Array }> = [];
    this.held = held;
    let commit: void | Promise<void>;
    try {
      commit = this.storage.transaction(() => {
        for (const item of batch) item.work();
      });
    } catch (error) {
      this.failed(batch, held, error);
      return;
    }
    if (!commit) return this.delivered(batch, held);
    // Messages read from now on wait in the inbox; sends from anywhere join `held`.
    const touchedNow = this.touched;
    this.touched = [];
    this.committing = commit.then(
      () => {
        this.committing = null;
        this.delivered(batch, held);
      },
      (error: unknown) => {
        this.committing = null;
        this.touched = touchedNow;
        this.failed(batch, held, error);
      },
    );
    void this.committing.finally(() => {
      if (this.inbox.length > 0) this.schedule();
    });
  };

  private delivered(batch: Array<Queued<Room>>, held: Array<{ to: Recipient; bytes: Uint8Array }>): void {
    this.held = null;
    this.touched = [];
    for (const { to, bytes } of held) to.deliver(bytes);
    for (const item of batch) item.settled?.(true);
  }

  /**
   * Nothing of a failed batch goes out: what it would send may hold what was not stored. What
   * was held meanwhile for sockets of rooms it did not touch (a commit that completes later
   * holds every send) goes out: their documents hold nothing of it.
   */
  private failed(batch: Array<Queued<Room>>, held: Array<{ to: Recipient; bytes: Uint8Array }>, error: unknown): void {
    this.held = null;
    const touched = new Set([...batch.map((item) => item.room), ...this.touched]);
    this.touched = [];
    this.onCommitFailed(touched, error);
    const untouched = (room: unknown) => room !== undefined && ![...touched].some((t) => t === room);
    for (const { to, bytes } of held) if (untouched(to.room)) to.deliver(bytes);
    for (const item of batch) item.settled?.(false);
  }
}

interface Queued<Room> {
  room: Room;
  work: () => void;
  settled?: (stored: boolean) => void;
}
