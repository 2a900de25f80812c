import type { ProfileSummary } from './profile';
import type { TailView } from './tail';

/** Every object in a results tree that `is` recognises, with the path that names it. */
function findAll<T>(
  value: unknown,
  is: (candidate: object) => boolean,
  at = '',
  out: [string, T][] = [],
): [string, T][] {
  if (typeof value !== 'object' || value === null) return out;
  if (is(value)) {
    out.push([at, value as T]);
    return out;
  }
  for (const [key, child] of Object.entries(value)) findAll(child, is, at ? `${at}.${key}` : key, out);
  return out;
}

const isProfile = (v: object) => 'ownInclusive' in v && 'self' in v && 'file' in v;
const isTail = (v: object) => 'thresholdMs' in v && 'inBursts' in v && 'profile' in v;

/** Where the server was while the slowest edits were under way (self time). */
export function formatTails(results: unknown, top = 8): string {
  return findAll<TailView>(results, isTail)
    .filter(([, tail]) => tail.profile !== null)
    .map(([at, tail]) =>
      [
        `${at.replace(/\.value/g, '')}: ${tail.late} arrivals >= ${tail.thresholdMs.toFixed(1)} ms, ${tail.profile?.sampledMs ?? 0} ms of profile while they were under way`,
        ...(tail.profile?.leaves ?? [])
          .slice(0, top)
          .map((f) => `    ${(f.share * 100).toFixed(1).padStart(5)}%  ${String(f.ms).padStart(6)} ms  ${f.name}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/** The hottest functions of each profiled window, as printed after a --profile run. */
export function formatProfiles(results: unknown, top = 8): string {
  const found = findAll<ProfileSummary>(results, isProfile);
  const line = (f: { name: string; ms: number; share: number }) =>
    `    ${(f.share * 100).toFixed(1).padStart(5)}%  ${String(f.ms).padStart(6)} ms  ${f.name}`;
  return found
    .map(([at, p]) =>
      [
        `${at.replace(/\.value|\.profile/g, '')} (${p.busyMs} ms busy) ${p.file}`,
        '  self time:',
        ...p.self.slice(0, top).map(line),
        '  repository code, inclusive:',
        ...p.ownInclusive.slice(0, top).map(line),
        '  longest single stretches in one place (event loop held):',
        ...p.blocks.map((b) => `    ${b.ms.toFixed(1).padStart(6)} ms  ${b.stack.join(' < ')}`),
      ].join('\n'),
    )
    .join('\n\n');
}
