import type { GcPause, HeapReading, LoopReading, Probe } from './probe-client';

/**
 * The probes of a server of several processes read as one server: its heap is what all of them
 * hold, its event loop as late as the latest one's, its GC pauses all of theirs. A profile is
 * written per process, the first to `file` (the one summarised), the others beside it.
 */
export class CombinedProbe implements Probe {
  constructor(private readonly probes: Probe[]) {}

  async heap(forceGc: boolean): Promise<HeapReading> {
    return sumHeaps(await Promise.all(this.probes.map((p) => p.heap(forceGc))));
  }

  async loop(reset: boolean): Promise<LoopReading> {
    return worstLoop(await Promise.all(this.probes.map((p) => p.loop(reset))));
  }

  async gc(reset: boolean): Promise<GcPause[]> {
    const all = await Promise.all(this.probes.map((p) => p.gc(reset)));
    return all.flat().sort((a, b) => a.at - b.at);
  }

  async startProfile(): Promise<void> {
    await Promise.all(this.probes.map((p) => p.startProfile()));
  }

  async stopProfile(file: string): Promise<void> {
    await Promise.all(this.probes.map((p, i) => p.stopProfile(i === 0 ? file : profileFileOf(file, i))));
  }
}

/** The file of process `index`'s profile beside the first one's: `x.cpuprofile.json` -> `x-2.cpuprofile.json`. */
export function profileFileOf(file: string, index: number): string {
  const suffix = '.cpuprofile.json';
  const stem = file.endsWith(suffix) ? file.slice(0, -suffix.length) : file;
  return `${stem}-${index + 1}${suffix}`;
}

export function sumHeaps(readings: HeapReading[]): HeapReading {
  const sum = (pick: (r: HeapReading) => number) => readings.reduce((total, r) => total + pick(r), 0);
  return {
    heapUsed: sum((r) => r.heapUsed),
    heapTotal: sum((r) => r.heapTotal),
    rss: sum((r) => r.rss),
    external: sum((r) => r.external),
    arrayBuffers: sum((r) => r.arrayBuffers),
  };
}

/** A client waits on the slowest process it reaches: the worst delay of any, the mean of all. */
export function worstLoop(readings: LoopReading[]): LoopReading {
  const count = readings.length || 1;
  return {
    maxMs: Math.max(0, ...readings.map((r) => r.maxMs)),
    p99Ms: Math.max(0, ...readings.map((r) => r.p99Ms)),
    meanMs: readings.reduce((total, r) => total + r.meanMs, 0) / count,
  };
}
