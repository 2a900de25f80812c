/** Waiting in tests: every suite and the bench wait through these two. */

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Between checks that are HTTP requests: each one costs the server a request, so they are spaced out. */
export const REQUEST_POLL_MS = 25;

/**
 * Polls until `check` holds, for state that arrives over the network or from another process.
 * Fails with `label` after `timeoutMs`, so a test that waits in vain reports what it waited for;
 * a function label is read at that moment, to report the state the wait ended in.
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  label: string | (() => string),
  timeoutMs = 5000,
  everyMs = 5,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof label === 'function' ? label() : label}`);
    }
    await sleep(everyMs);
  }
}
