/**
 * Preloaded into the server under test (`node --import tsx --import ./bench/probe/server-probe.ts`)
 * so the bench can read what only the process itself knows, without a hook in the product:
 * heap after a forced GC (needs --expose-gc), its own event-loop delay, its GC pauses, and a CPU
 * profile of a chosen window. Listens on 127.0.0.1:BENCH_PROBE_PORT only; absent that variable it does nothing.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const port = Number(process.env.BENCH_PROBE_PORT ?? 0);
// BENCH_PROBE_FORKED=1: the process started by the bench forks the one to watch (the product's
// sync process, which inherits this preload); only the forked one, which has an IPC channel, listens.
const here = process.env.BENCH_PROBE_FORKED !== '1' || typeof process.send === 'function';
if (port > 0 && here) startProbe(port);

function startProbe(probePort: number): void {
  // 1 ms resolution: blocks of interest are tens of milliseconds.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  let session: Session | null = null;
  // Every GC pause, on the wall clock, so that a latency spike can be matched to one.
  let pauses: { at: number; ms: number; kind: number }[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // Node's GC entries carry { kind } in `detail`; the DOM typing of PerformanceEntry lacks it.
      const detail = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail;
      pauses.push({ at: performance.timeOrigin + entry.startTime, ms: entry.duration, kind: detail?.kind ?? 0 });
    }
    if (pauses.length > 100_000) pauses = pauses.slice(-50_000);
  }).observe({ entryTypes: ['gc'] });

  const routes: Record<string, (url: URL) => unknown> = {
    '/heap': (url) => {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (url.searchParams.get('gc') === '1') {
        if (!gc) throw new Error('start the server with --expose-gc');
        // Twice: the first pass may only queue finalizers that free more on the second.
        gc();
        gc();
      }
      const memory = process.memoryUsage();
      return {
        heapUsed: memory.heapUsed,
        heapTotal: memory.heapTotal,
        rss: memory.rss,
        external: memory.external,
        arrayBuffers: memory.arrayBuffers,
      };
    },
    '/loop': (url) => {
      const result = {
        maxMs: loopDelay.max / 1e6,
        p99Ms: loopDelay.percentile(99) / 1e6,
        meanMs: loopDelay.mean / 1e6,
      };
      if (url.searchParams.get('reset') === '1') loopDelay.reset();
      return result;
    },
    '/gc': (url) => {
      const result = pauses;
      if (url.searchParams.get('reset') === '1') pauses = [];
      return result;
    },
    '/profile/start': async () => {
      if (session) return { started: false };
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      // 500 µs: fine enough to attribute the per-update path, cheap enough not to dominate it.
      await session.post('Profiler.setSamplingInterval', { interval: 500 });
      await session.post('Profiler.start');
      return { started: true };
    },
    '/profile/stop': async (url) => {
      if (!session) return { stopped: false };
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = null;
      // V8 times samples on the monotonic clock (as process.hrtime): the offset to the wall
      // clock lets the bench place each sample beside the edits that were late at that moment.
      const wallMinusMonotonicMs = performance.timeOrigin + performance.now() - Number(process.hrtime.bigint()) / 1e6;
      const file = url.searchParams.get('file');
      if (file)
        writeFileSync(
          file,
          JSON.stringify({ ...profile, wallStartMs: profile.startTime / 1000 + wallMinusMonotonicMs }),
        );
      return { stopped: true, file };
    },
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handler = routes[url.pathname];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no probe route ${url.pathname}`);
        return handler(url);
      })
      .then(
        (body) => reply(res, 200, body),
        (error: unknown) => reply(res, 500, { error: String(error) }),
      );
  });
  server.listen(probePort, '127.0.0.1');
  // Never keeps the server alive on its own: shutdown must behave as without the probe.
  server.unref();
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify(body));
}
