import { readFileSync } from 'node:fs';

/** A V8 .cpuprofile as the inspector's Profiler.stop returns it. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  /** Share of the non-idle samples, 0..1. */
  share: number;
  ms: number;
}

/** A stretch of consecutive samples in one place: the event loop was held there that long. */
export interface Block {
  ms: number;
  /** Leaf first, then its callers (up to eight frames). */
  stack: string[];
}

export interface ProfileSummary {
  file: string;
  busyMs: number;
  /** The longest single stretches spent in one place: what blocks the event loop. */
  blocks: Block[];
  /** Where the time is spent (self time). */
  self: HotFunction[];
  /** Functions of this repository (server/, lib/) by inclusive time: what to change. */
  ownInclusive: HotFunction[];
}

export function label(frame: { functionName: string; url: string; lineNumber: number }): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const short = frame.url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '~/')
    .replace(/^.*\/work\/[^/]+\//, '');
  return `${name} ${short}:${frame.lineNumber + 1}`;
}

/** Summarises a profile into its hottest functions (self time) and the repository's own code. */
export function summarizeProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    if (!node || node.callFrame.functionName === '(idle)') return;
    busy += delta;
    const own = label(node.callFrame);
    self.set(own, (self.get(own) ?? 0) + delta);
    // Count each function once per stack, however often it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || !/\/(server|lib)\//.test(frame.url) || frame.url.includes('node_modules')) continue;
      const key = label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
    }
  });
  const blocks: Block[] = [];
  let runId = -1;
  let runMs = 0;
  const closeRun = () => {
    const node = byId.get(runId);
    if (!node || runMs < 5 || ['(idle)', '(program)', '(root)'].includes(node.callFrame.functionName)) return;
    const stack: string[] = [];
    for (let at: number | undefined = runId; at !== undefined && stack.length < 8; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame && frame.functionName !== '(root)') stack.push(label(frame));
    }
    blocks.push({ ms: Math.round(runMs * 10) / 10, stack });
  };
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (id === runId) {
      runMs += delta;
      return;
    }
    closeRun();
    runId = id;
    runMs = delta;
  });
  closeRun();
  blocks.sort((a, b) => b.ms - a.ms);

  const rank = (map: Map<string, number>): HotFunction[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: busy > 0 ? ms / busy : 0 }));
  return {
    file,
    busyMs: Math.round(busy),
    blocks: blocks.slice(0, 5),
    self: rank(self),
    ownInclusive: rank(inclusive),
  };
}
