import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';

/** How long a lease lasts without renewal, and how often it is renewed. */
export interface LeaseTiming {
  ttlMs: number;
  renewEveryMs: number;
  /**
   * Without a renewal for this long, the process stops serving its boards: well before the
   * lease can expire and another process take them (ttlMs minus the time a close takes).
   */
  giveUpAfterMs: number;
  /** A board acquired this recently is kept even with no room open yet (its join is under way). */
  keepFreshMs: number;
}

export const LEASE_TIMING: LeaseTiming = { ttlMs: 5000, renewEveryMs: 1000, giveUpAfterMs: 3000, keepFreshMs: 10_000 };

/** Where a board is served: here (with the lease's epoch), or by the process at `address`. */
export type LeaseAnswer = { mine: true; epoch: number } | { mine: false; address: string };

/** The database's clock in milliseconds: every process compares expiries against the same one. */
const DB_NOW: RawBuilder<number> = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * The boards this sync process serves on PostgreSQL, one lease row each (board_leases): taken
 * with one conditional upsert when the lease is free, expired or already ours; renewed every
 * second; given back when no room of the board is open any more, and at shutdown. Each change
 * of owner bumps the epoch, and every append is fenced by it (postgres-storage.ts), so a paused
 * or cut-off former owner can never append after another process took over.
 *
 * A process that cannot renew (the database is away, or it was paused) stops serving all its
 * boards after `giveUpAfterMs`, before the lease can expire and another process take them over.
 */
export class BoardLeases {
  /**
   * Each held board: its lease's epoch, when it was taken, and the board's access version its
   * sockets were last checked at (appends are fenced by both).
   */
  private readonly held = new Map<string, { epoch: number; since: number; accessVersion: number }>();
  private lastRenewed = performance.now();
  private timer: NodeJS.Timeout | null = null;
  private renewing = false;
  /** Takes under way, by board (acquire). */
  private readonly acquiring = new Map<string, Promise<LeaseAnswer>>();
  /** Told of boards whose access narrowed with no news of it (onAccessMoved). */
  private accessMoved: (boardIds: string[]) => void = () => undefined;

  constructor(
    private readonly kysely: Kysely<Database>,
    readonly owner: string,
    private readonly address: string,
    /** The boards with a room open or loading: the others' leases are given back. */
    private readonly boardsInUse: () => Set<string>,
    /** Called with boards this process no longer holds: close their sockets, drop their rooms. */
    private readonly lost: (boardIds: string[], reason: string) => void,
    private readonly timing: LeaseTiming = LEASE_TIMING,
  ) {}

  /**
   * Called at a renewal with the held boards whose access version is newer than the one their
   * sockets were checked at: a narrowing whose news never came (the relay not listening, or a
   * change made in the database itself) is acted on within a renewal, for readers too; the
   * appends are fenced by the version in any case (append-fence.ts).
   */
  onAccessMoved(listener: (boardIds: string[]) => void): void {
    this.accessMoved = listener;
  }

  start(): void {
    this.timer = setInterval(() => void this.renew(), this.timing.renewEveryMs);
    this.timer.unref();
  }

  /** The epoch of a lease this process holds, or undefined. */
  epochOf(boardId: string): number | undefined {
    return this.held.get(boardId)?.epoch;
  }

  /** The access version the board's sockets were last checked at, for a held board. */
  accessVersionOf(boardId: string): number | undefined {
    return this.held.get(boardId)?.accessVersion;
  }

  /** The held boards among `boardIds` (all held ones without it). */
  heldBoards(boardIds?: string[]): string[] {
    return boardIds ? boardIds.filter((boardId) => this.held.has(boardId)) : [...this.held.keys()];
  }

  /**
   * The boards' access versions now: read before their sockets are checked again, recorded
   * with checkedAt() once the check is done (a change committed in between is then caught by
   * the next append, which sees a newer version).
   */
  async accessVersions(boardIds: string[]): Promise<Map<string, number>> {
    if (boardIds.length === 0) return new Map();
    const rows = await this.kysely
      .selectFrom('boards')
      .select(['id', 'access_version'])
      .where('id', 'in', boardIds)
      .execute();
    return new Map(rows.map((row) => [row.id, row.access_version]));
  }

  /** Records the versions the boards' sockets were checked at. */
  checkedAt(versions: Map<string, number>): void {
    for (const [boardId, version] of versions) {
      const lease = this.held.get(boardId);
      if (lease && version > lease.accessVersion) lease.accessVersion = version;
    }
  }

  /** Takes the board's lease if it is free, expired, ours or a former start's here; else says who serves it. */
  async acquire(boardId: string): Promise<LeaseAnswer> {
    const mine = this.held.get(boardId);
    if (mine) return { mine: true, epoch: mine.epoch };
    // One take at a time per board: two sockets of a board arriving together would otherwise
    // both upsert, the second bumping the epoch past the one the first then records, and every
    // append of the board would be refused as stale.
    const pending = this.acquiring.get(boardId);
    if (pending) return pending;
    const taking = this.take(boardId).finally(() => this.acquiring.delete(boardId));
    this.acquiring.set(boardId, taking);
    return taking;
  }

  private async take(boardId: string): Promise<LeaseAnswer> {
    const taken = await this.kysely
      .insertInto('board_leases')
      .values({
        board_id: boardId,
        owner: this.owner,
        address: this.address,
        epoch: 1,
        expires_at: sql<number>`${DB_NOW} + ${this.timing.ttlMs}`,
      })
      .onConflict((conflict) =>
        conflict
          .column('board_id')
          .doUpdateSet({
            owner: (eb) => eb.ref('excluded.owner'),
            address: (eb) => eb.ref('excluded.address'),
            epoch: sql<number>`board_leases.epoch + 1`,
            expires_at: (eb) => eb.ref('excluded.expires_at'),
          })
          // A lease at this process's own address is a former start's (a restart, a crash of the
          // sync process): only one process listens there, so that one is gone.
          .where((eb) =>
            eb.or([
              eb('board_leases.expires_at', '<', DB_NOW),
              eb('board_leases.owner', '=', this.owner),
              eb('board_leases.address', '=', this.address),
            ]),
          ),
      )
      // The board's access version in the same statement: the sockets about to be admitted are
      // checked against it or a later one.
      .returning((eb) => [
        'epoch',
        eb
          .selectFrom('boards')
          .select('access_version')
          .whereRef('boards.id', '=', 'board_leases.board_id')
          .as('access_version'),
      ])
      .executeTakeFirst();
    if (taken) {
      const accessVersion = Number(taken.access_version ?? 0);
      this.held.set(boardId, { epoch: taken.epoch, since: performance.now(), accessVersion });
      return { mine: true, epoch: taken.epoch };
    }
    const current = await this.kysely
      .selectFrom('board_leases')
      .select('address')
      .where('board_id', '=', boardId)
      .executeTakeFirst();
    // Gone between the two statements (its board deleted, or given back): try again later.
    return { mine: false, address: current?.address ?? '' };
  }

  /** Forgets a board whose appends were refused as stale: another process holds it now. */
  forget(boardId: string): void {
    this.held.delete(boardId);
  }

  /** One renewal: boards in use are extended, the others given back, the missing reported. */
  async renew(): Promise<void> {
    if (this.renewing) return this.checkDeadline();
    this.renewing = true;
    try {
      const inUse = this.boardsInUse();
      const now = performance.now();
      const keep: string[] = [];
      const giveBack: string[] = [];
      for (const [boardId, lease] of this.held) {
        if (inUse.has(boardId) || now - lease.since < this.timing.keepFreshMs) keep.push(boardId);
        else giveBack.push(boardId);
      }
      if (giveBack.length > 0) await this.release(giveBack);
      if (keep.length > 0) {
        const renewed = await this.kysely
          .updateTable('board_leases')
          .set({ expires_at: sql<number>`${DB_NOW} + ${this.timing.ttlMs}` })
          .where('owner', '=', this.owner)
          .where('board_id', 'in', keep)
          // The board's access version comes with it, at no extra round trip.
          .returning((eb) => [
            'board_id',
            'epoch',
            eb
              .selectFrom('boards')
              .select('access_version')
              .whereRef('boards.id', '=', 'board_leases.board_id')
              .as('access_version'),
          ])
          .execute();
        const mine = renewed.filter((row) => row.epoch === this.held.get(row.board_id)?.epoch);
        const still = new Set(mine.map((row) => row.board_id));
        const gone = keep.filter((boardId) => !still.has(boardId));
        for (const boardId of gone) this.held.delete(boardId);
        if (gone.length > 0) this.lost(gone, 'another process holds the lease now');
        const moved = mine.filter((row) => {
          const checked = this.held.get(row.board_id)?.accessVersion;
          return row.access_version !== null && checked !== undefined && Number(row.access_version) > checked;
        });
        if (moved.length > 0) this.accessMoved(moved.map((row) => row.board_id));
      }
      this.lastRenewed = performance.now();
    } catch (error) {
      console.error('board leases: renewal failed', String(error));
      this.checkDeadline();
    } finally {
      this.renewing = false;
    }
  }

  /** Past the deadline without a renewal: every board is given up before its lease can expire. */
  private checkDeadline(): void {
    if (performance.now() - this.lastRenewed < this.timing.giveUpAfterMs || this.held.size === 0) return;
    const all = [...this.held.keys()];
    this.held.clear();
    this.lost(all, 'the leases could not be renewed in time');
  }

  /** Gives leases back, so another process may serve the boards at once. */
  async release(boardIds: string[]): Promise<void> {
    for (const boardId of boardIds) this.held.delete(boardId);
    if (boardIds.length === 0) return;
    await this.kysely
      .deleteFrom('board_leases')
      .where('owner', '=', this.owner)
      .where('board_id', 'in', boardIds)
      .execute();
  }

  /** Shutdown: stops renewing and gives every lease back. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.release([...this.held.keys()]).catch((error: unknown) =>
      console.error('board leases: could not give the leases back; they expire on their own', String(error)),
    );
  }
}
