/**
 * Growing delays between guesses on one key: the first `free` attempts go through at once, then
 * each next attempt must wait twice as long as the one before (from `baseDelayMs`, at most
 * `maxDelayMs`). Nobody is locked out: the owner of an account that someone else is guessing at
 * waits at most `maxDelayMs`. A key is forgotten `forgetAfterMs` after its last attempt.
 * Synchronous on purpose: checking and counting one attempt have no await between them, so
 * concurrent guesses cannot all pass the same check.
 */
export interface ThrottleSettings {
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

interface Entry {
  attempts: number;
  lastAt: number;
  nextAt: number;
}

/** Past this many keys, forgotten ones are swept out before a new one is added. */
const SWEEP_ABOVE = 10_000;

export class GuessThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly settings: ThrottleSettings) {}

  /** The delay that follows the `attempts`-th attempt. */
  delayAfter(attempts: number): number {
    const { free, baseDelayMs, maxDelayMs } = this.settings;
    if (attempts < free) return 0;
    // Capped before the power grows past what a double holds exactly.
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempts - free, 40));
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastAt > this.settings.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** How long before `key` may try again; 0 when it may now. */
  waitMs(key: string, now: number): number {
    const entry = this.live(key, now);
    return entry ? Math.max(0, entry.nextAt - now) : 0;
  }

  /** Counts an attempt on `key` (before its outcome is known). */
  count(key: string, now: number): void {
    const entry = this.live(key, now);
    if (!entry && this.entries.size >= SWEEP_ABOVE) this.sweep(now);
    const attempts = (entry?.attempts ?? 0) + 1;
    this.entries.set(key, { attempts, lastAt: now, nextAt: now + this.delayAfter(attempts) });
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) {
      if (now - entry.lastAt > this.settings.forgetAfterMs) this.entries.delete(key);
    }
  }
}
