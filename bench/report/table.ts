import { TARGET_NAMES } from '../targets/types';
import type { Row } from './row';

function num(x: number | null, unit: string): string {
  if (x === null || Number.isNaN(x)) return '-';
  if (unit === '/s') return x.toFixed(0);
  return x >= 100 ? x.toFixed(0) : x.toFixed(1);
}

function cores(x: number | null): string {
  return x === null || Number.isNaN(x) ? '-' : `${Math.round(x * 100)}%`;
}

function ratio(x: number | null): string {
  return x === null ? '-' : `${x.toFixed(2)}x`;
}

function yesNo(x: boolean | null): string {
  return x === null ? '' : x ? 'yes' : 'NO';
}

/** The table as Markdown (printed, and pasted into docs/performance.md). */
export function formatTable(rows: Row[]): string {
  const header = [
    'scenario',
    'metric',
    'product',
    'relay',
    'Hocuspocus',
    'product / relay',
    'product / Hocuspocus',
    'server CPU (product / relay / Hocuspocus)',
    'bound',
    'pass',
    'ahead of Hocuspocus',
    'note',
  ];
  const lines = rows.map((r) => [
    r.scenario,
    r.metric,
    ...TARGET_NAMES.map((name) => (r.values[name] === null ? '-' : `${num(r.values[name], r.unit)} ${r.unit}`)),
    ratio(r.ratios.relay),
    ratio(r.ratios.hocuspocus),
    TARGET_NAMES.every((name) => r.cpu[name] === null)
      ? ''
      : TARGET_NAMES.map((name) => cores(r.cpu[name])).join(' / '),
    r.bound,
    yesNo(r.pass),
    r.ratios.hocuspocus === 1 ? 'level' : yesNo(r.aheadOfHocuspocus),
    r.note,
  ]);
  const all = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...all.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}
