import type { Server } from 'node:http';

export interface InFlight {
  /** Resolves once no request is being answered (at once when none is). */
  drained(): Promise<void>;
}

/**
 * Counts the HTTP requests being answered, so that shutdown waits for them and nothing else.
 * Not the http server's close callback: once a socket has been handed to the sync process, Node
 * counts that connection in the child, and a close() issued after the child has exited (or a
 * second close()) never calls back.
 */
export function trackInFlight(server: Server): InFlight {
  let active = 0;
  let waiting: Array<() => void> = [];
  server.on('request', (_req, res) => {
    active++;
    // 'close' follows both a finished answer and a client that went away mid-answer.
    res.once('close', () => {
      active--;
      if (active > 0) return;
      for (const resolve of waiting) resolve();
      waiting = [];
    });
  });
  return {
    drained: () => (active === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
  };
}
