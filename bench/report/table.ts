import type { Row } from './rows';

function num(x: number | null, unit: string): string {
  if (x === null || Number.isNaN(x)) return '-';
  if (unit === '/s' || unit === 'KB') return x.toFixed(0);
  return x >= 100 ? x.toFixed(0) : x.toFixed(1);
}

function cores(x: number | null): string {
  return x === null || Number.isNaN(x) ? '-' : `${Math.round(x * 100)}%`;
}

/** The table as Markdown (printed, and pasted into docs/performance.md). */
export function formatTable(rows: Row[]): string {
  const header = [
    'scenario',
    'metric',
    'product',
    'relay',
    'ratio',
    'server CPU (product / relay)',
    'bound',
    'pass',
    'note',
  ];
  const lines = rows.map((r) => [
    r.scenario,
    r.metric,
    `${num(r.product, r.unit)} ${r.unit}`,
    r.relay === null ? '-' : `${num(r.relay, r.unit)} ${r.unit}`,
    r.ratio === null ? '-' : `${r.ratio.toFixed(2)}x`,
    r.cpu[0] === null && r.cpu[1] === null ? '' : `${cores(r.cpu[0])} / ${cores(r.cpu[1])}`,
    r.bound,
    r.pass === null ? '' : r.pass ? 'yes' : 'NO',
    r.note,
  ]);
  const all = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...all.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}
