/** The longest a deferred start waits for an idle moment (a busy phone may have none for a while). */
const IDLE_TIMEOUT_MS = 1000;
/** Where the browser has no idle callbacks (Safari): a short pause lets the first renders finish. */
const NO_IDLE_CALLBACK_DELAY_MS = 50;

/**
 * Runs `start` once the browser is idle (or after IDLE_TIMEOUT_MS at the latest); returns a
 * cancel function. For work a page needs soon but not before it is usable.
 */
export function whenIdle(start: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(start, NO_IDLE_CALLBACK_DELAY_MS);
  return () => window.clearTimeout(timer);
}
