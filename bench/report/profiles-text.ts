import type { ProfileSummary } from './profile';

/** Every profile summary found in a results object, with the path that names it. */
function findProfiles(value: unknown, at: string, out: [string, ProfileSummary][]): void {
  if (typeof value !== 'object' || value === null) return;
  if ('ownInclusive' in value && 'self' in value && 'file' in value) {
    out.push([at, value as ProfileSummary]);
    return;
  }
  for (const [key, child] of Object.entries(value)) findProfiles(child, at ? `${at}.${key}` : key, out);
}

/** The hottest functions of each profiled window, as printed after a --profile run. */
export function formatProfiles(results: unknown, top = 8): string {
  const found: [string, ProfileSummary][] = [];
  findProfiles(results, '', found);
  const line = (f: { name: string; ms: number; share: number }) => `    ${(f.share * 100).toFixed(1).padStart(5)}%  ${String(f.ms).padStart(6)} ms  ${f.name}`;
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
