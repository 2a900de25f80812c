/**
 * A token bucket: `ratePerSecond` tokens are added continuously up to `burst`; each message
 * takes one. Synchronous and per socket, so it needs no shared store (one process).
 * Hand-written rather than rate-limiter-flexible (which limits sign-ins, server/auth/rate-limit.ts):
 * this runs for every frame, before the frame is queued, and that limiter's consume() answers
 * with a new Promise (and keeps its counts in a keyed store with a timer per key); here it is two
 * numbers per socket and a synchronous answer.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
