import { readFileSync } from 'node:fs';
import { constants } from 'node:perf_hooks';
import type { Matched } from '../lib/match';
import type { GcPause } from '../probe/probe-client';
import { type CpuProfile, type HotFunction, label } from './profile';

/** What the slowest arrivals had in common: where a p99 comes from, not where time goes. */
export interface TailView {
  /** Arrivals at or above this latency are "late": the target's own p99. */
  thresholdMs: number;
  late: number;
  /** Share of late arrivals whose send-to-arrival interval overlaps a GC pause of the server. */
  duringGc: number;
  /** The same, counting only full (mark-compact) collections: what a larger heap makes longer. */
  duringMajorGc: number;
  /** Share of late arrivals sent within 50 ms of at least nine other late ones (a stall, not one slow edit). */
  inBursts: number;
  /**
   * Where the server's thread was while late edits were under way (the profiled window only),
   * by self time; `(idle)` there means the server was waiting, so the delay was elsewhere.
   */
  profile: { sampledMs: number; leaves: HotFunction[] } | null;
}

const BURST_WINDOW_MS = 50;
const BURST_SIZE = 10;

/** Profile written by the probe: V8's plus the wall-clock time of its start. */
type WallProfile = CpuProfile & { startTime: number; wallStartMs?: number };

export function summarizeTail(
  matched: Matched,
  thresholdMs: number,
  pauses: GcPause[],
  profileFile: string | null,
  top = 8,
): TailView {
  const late: Array<[number, number]> = [];
  matched.samples.forEach((latency, i) => {
    const sent = matched.sentAt[i] ?? NaN;
    if (latency >= thresholdMs) late.push([sent, sent + latency]);
  });
  late.sort((a, b) => a[0] - b[0]);
  const overlapping = (list: GcPause[]) =>
    late.filter(([from, to]) => list.some((p) => p.at < to && p.at + p.ms > from)).length;
  const duringGc = overlapping(pauses);
  const duringMajorGc = overlapping(pauses.filter((p) => p.kind === constants.NODE_PERFORMANCE_GC_MAJOR));
  let inBursts = 0;
  let lo = 0;
  let hi = 0;
  for (const [sent] of late) {
    while ((late[lo]?.[0] ?? Infinity) < sent - BURST_WINDOW_MS) lo++;
    while (hi < late.length && (late[hi]?.[0] ?? Infinity) <= sent + BURST_WINDOW_MS) hi++;
    if (hi - lo >= BURST_SIZE) inBursts++;
  }
  const share = (n: number) => (late.length > 0 ? n / late.length : 0);
  return {
    thresholdMs,
    late: late.length,
    duringGc: share(duringGc),
    duringMajorGc: share(duringMajorGc),
    inBursts: share(inBursts),
    profile: profileFile ? profileDuring(profileFile, merge(late), top) : null,
  };
}

/** Overlapping intervals merged, sorted by start. */
function merge(sorted: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = out.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function profileDuring(file: string, intervals: Array<[number, number]>, top: number): TailView['profile'] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as WallProfile;
  if (profile.wallStartMs === undefined) return null;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const time = new Map<string, number>();
  let sampled = 0;
  let at = profile.wallStartMs;
  let next = 0;
  profile.samples.forEach((id, i) => {
    at += (profile.timeDeltas[i] ?? 0) / 1000;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    while ((intervals[next]?.[1] ?? Infinity) < at) next++;
    const interval = intervals[next];
    const frame = byId.get(id)?.callFrame;
    if (!interval || !frame || at < interval[0]) return;
    sampled += ms;
    const name = label(frame);
    time.set(name, (time.get(name) ?? 0) + ms);
  });
  const leaves = [...time]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms: Math.round(ms), share: sampled > 0 ? ms / sampled : 0 }));
  return { sampledMs: Math.round(sampled), leaves };
}
