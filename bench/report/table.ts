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

function figure(x: number | null, unit: string): string {
  return x === null ? '-' : `${num(x, unit)} ${unit}`;
}

/**
 * The table as Markdown (printed, and pasted into docs/performance.md). With the product on
 * PostgreSQL in the run (--postgres), its figure, its ratio to the product on SQLite and its
 * server CPU get columns of their own beside the others'; without, the table is as it was.
 */
export function formatTable(rows: Row[]): string {
  const postgres = rows.some((r) => r.postgres !== undefined);
  const header = [
    'scenario',
    'metric',
    'product',
    'relay',
    'Hocuspocus',
    ...(postgres ? ['on PostgreSQL, 2 processes'] : []),
    'product / relay',
    'product / Hocuspocus',
    ...(postgres ? ['postgres / sqlite'] : []),
    `server CPU (product / relay / Hocuspocus${postgres ? ' / PostgreSQL' : ''})`,
    'bound',
    'pass',
    'ahead of Hocuspocus',
    'note',
  ];
  const lines = rows.map((r) => {
    const cpu = [...TARGET_NAMES.map((name) => r.cpu[name]), ...(postgres ? [r.postgres?.cpu ?? null] : [])];
    return [
      r.scenario,
      r.metric,
      ...TARGET_NAMES.map((name) => figure(r.values[name], r.unit)),
      ...(postgres ? [figure(r.postgres?.value ?? null, r.unit)] : []),
      ratio(r.ratios.relay),
      ratio(r.ratios.hocuspocus),
      ...(postgres ? [ratio(r.postgres?.ratio ?? null)] : []),
      cpu.every((x) => x === null) ? '' : cpu.map(cores).join(' / '),
      r.bound,
      yesNo(r.pass),
      r.ratios.hocuspocus === 1 ? 'level' : yesNo(r.aheadOfHocuspocus),
      r.note,
    ];
  });
  const all = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...all.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}
