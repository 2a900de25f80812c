/**
 * Wall-clock milliseconds with sub-millisecond resolution. Load generators run in separate
 * processes on one machine: performance.now() alone is per process, Date.now() is too coarse,
 * and timeOrigin + now() is the same clock everywhere on the host.
 */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when `check` holds, polling; rejects after `timeoutMs` with `what` in the message. */
export async function waitFor(check: () => boolean, timeoutMs: number, what: string, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
