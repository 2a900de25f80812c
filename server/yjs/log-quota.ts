import type { LogBudget } from './room';

const HOUR_MS = 60 * 60 * 1000;

interface Bucket {
  bytes: number;
  at: number;
}

/**
 * How many bytes the update log may still take, per document and per author: each has a budget
 * of `perHour` bytes that refills continuously (at most that much at once, then that much per
 * hour), so that no writer, and no document, can fill the disk that every board shares.
 * Counted on the hot path (every update that adds something), hence two map lookups and a little
 * arithmetic rather than a keyed store with timers; kept in the sync process, so a reconnect, or
 * a room unloaded and loaded again, starts from the same budget.
 */
export class LogQuota implements LogBudget {
  private readonly docs = new Map<string, Bucket>();
  private readonly users = new Map<string, Bucket>();

  constructor(
    private readonly perDocPerHour: number,
    private readonly perUserPerHour: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  charge(docName: string, userId: string, bytes: number): boolean {
    const now = this.now();
    const doc = refill(this.docs, docName, this.perDocPerHour, now);
    const user = refill(this.users, userId, this.perUserPerHour, now);
    if (doc.bytes < bytes || user.bytes < bytes) return false;
    doc.bytes -= bytes;
    user.bytes -= bytes;
    return true;
  }

  /** Forgets budgets that have refilled completely: a fresh one is the same. Called now and then. */
  prune(): void {
    const now = this.now();
    forgetFull(this.docs, this.perDocPerHour, now);
    forgetFull(this.users, this.perUserPerHour, now);
  }

  /** Budgets remembered (for tests and stats). */
  get size(): number {
    return this.docs.size + this.users.size;
  }
}

function refill(buckets: Map<string, Bucket>, key: string, perHour: number, now: number): Bucket {
  const bucket = buckets.get(key);
  if (!bucket) {
    const fresh = { bytes: perHour, at: now };
    buckets.set(key, fresh);
    return fresh;
  }
  bucket.bytes = Math.min(perHour, bucket.bytes + ((now - bucket.at) / HOUR_MS) * perHour);
  bucket.at = now;
  return bucket;
}

function forgetFull(buckets: Map<string, Bucket>, perHour: number, now: number): void {
  for (const [key, bucket] of buckets) {
    if (bucket.bytes + ((now - bucket.at) / HOUR_MS) * perHour >= perHour) buckets.delete(key);
  }
}
