/** The bench's side of bench/probe/server-probe.ts, preloaded into every server under test. */
export interface HeapReading {
  heapUsed: number;
  heapTotal: number;
  rss: number;
  external: number;
  arrayBuffers: number;
}

export interface LoopReading {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
}

/** One GC pause: wall-clock start, duration, V8's kind (1 minor, 2 major, 4 incremental, 8 weak). */
export interface GcPause {
  at: number;
  ms: number;
  kind: number;
}

/** What the bench asks of a server's probe (one process's, or several processes' together). */
export interface Probe {
  heap(forceGc: boolean): Promise<HeapReading>;
  loop(reset: boolean): Promise<LoopReading>;
  gc(reset: boolean): Promise<GcPause[]>;
  startProfile(): Promise<void>;
  stopProfile(file: string): Promise<void>;
}

export class ProbeClient implements Probe {
  constructor(private readonly port: number) {}

  heap(forceGc: boolean): Promise<HeapReading> {
    return this.get<HeapReading>(`/heap?gc=${forceGc ? 1 : 0}`);
  }

  /** The event-loop delay since the last reset; `reset` starts a new window. */
  loop(reset: boolean): Promise<LoopReading> {
    return this.get<LoopReading>(`/loop?reset=${reset ? 1 : 0}`);
  }

  /** GC pauses since the last reset; `reset` starts a new window. */
  gc(reset: boolean): Promise<GcPause[]> {
    return this.get<GcPause[]>(`/gc?reset=${reset ? 1 : 0}`);
  }

  async startProfile(): Promise<void> {
    await this.get('/profile/start');
  }

  async stopProfile(file: string): Promise<void> {
    await this.get(`/profile/stop?file=${encodeURIComponent(file)}`);
  }

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`);
    const body = (await response.json()) as T | { error: string };
    if (!response.ok) throw new Error(`probe ${path}: ${JSON.stringify(body)}`);
    return body as T;
  }
}
