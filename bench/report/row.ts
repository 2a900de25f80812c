import { TARGET_NAMES, type TargetName } from '../targets/types';
import type { Outcome, PerTarget } from './results';

export type PerName = Record<TargetName, number | null>;

/** One line of the table: a figure on every target, the product's ratios to each reference, how it is judged. */
export interface Row {
  scenario: string;
  metric: string;
  /** The figure on each target; null where it was not measured (or does not exist there). */
  values: PerName;
  unit: string;
  /** Throughput is better higher; every other figure lower. */
  better: 'lower' | 'higher';
  /** product / reference, for each reference that has the figure. */
  ratios: { relay: number | null; hocuspocus: number | null };
  /** Human form of the bound; '' when the figure is reported without one. */
  bound: string;
  pass: boolean | null;
  /** The bound against the peer: the product ahead of Hocuspocus (null: not comparable). */
  aheadOfHocuspocus: boolean | null;
  /** Server CPU (cores) during the measurement, per target. */
  cpu: PerName;
  note: string;
}

export interface RowSpec {
  scenario: string;
  metric: string;
  values: Partial<PerName>;
  unit: string;
  better?: Row['better'];
  bound?: string;
  cpu?: Partial<PerName>;
  note?: string;
}

const NONE: PerName = { product: null, relay: null, hocuspocus: null };

function ratioOf(product: number | null, reference: number | null): number | null {
  return product !== null && reference !== null && reference > 0 ? product / reference : null;
}

export function row(spec: RowSpec, judge?: (r: Row) => boolean | null): Row {
  const values = { ...NONE, ...spec.values };
  const ratios = {
    relay: ratioOf(values.product, values.relay),
    hocuspocus: ratioOf(values.product, values.hocuspocus),
  };
  const better = spec.better ?? 'lower';
  const built: Row = {
    scenario: spec.scenario,
    metric: spec.metric,
    values,
    unit: spec.unit,
    better,
    ratios,
    bound: spec.bound ?? '',
    pass: null,
    aheadOfHocuspocus:
      ratios.hocuspocus === null ? null : better === 'lower' ? ratios.hocuspocus < 1 : ratios.hocuspocus > 1,
    cpu: { ...NONE, ...spec.cpu },
    note: spec.note ?? '',
  };
  built.pass = judge ? judge(built) : null;
  return built;
}

export const atMostRelay = (limit: number) => (r: Row) => (r.ratios.relay === null ? null : r.ratios.relay <= limit);
export const atLeastRelay = (limit: number) => (r: Row) => (r.ratios.relay === null ? null : r.ratios.relay >= limit);
export const productAtMost = (limit: number) => (r: Row) =>
  r.values.product === null ? null : r.values.product <= limit;

export function value<T>(outcome: Outcome<T> | undefined): T | null {
  return outcome?.ok ? outcome.value : null;
}

/** Each target's figure from its outcome (null where the scenario failed or was not run). */
export function perTarget<T>(per: PerTarget<T> | undefined, pick: (value: T) => number | null | undefined): PerName {
  const out = { ...NONE };
  for (const name of TARGET_NAMES) {
    const v = value(per?.[name]);
    out[name] = v === null ? null : (pick(v) ?? null);
  }
  return out;
}

/** The same figure of every target present, "product / relay / hocuspocus" ('-' where missing). */
export function slashed<T>(per: PerTarget<T> | undefined, show: (value: T) => string): string {
  return TARGET_NAMES.map((name) => {
    const v = value(per?.[name]);
    return v === null ? '-' : show(v);
  }).join(' / ');
}

/** Notes a measurement disturbed by other people's processes (cores they used meanwhile). */
export function noise(...outcomes: (Outcome<unknown> | undefined)[]): string {
  const loud = outcomes.filter((o): o is Outcome<unknown> => o !== undefined && o.otherCpu > 0.25);
  return loud.length ? `; others busy ${loud.map((o) => o.otherCpu.toFixed(2)).join('/')} cores` : '';
}

/** noise() over every target's outcome of a scenario. */
export function noiseOf(per: PerTarget<unknown> | undefined): string {
  return noise(...TARGET_NAMES.map((name) => per?.[name]));
}

export function pct(x: number | undefined | null): string {
  return x === undefined || x === null || Number.isNaN(x) ? '-' : `${(x * 100).toFixed(1)}%`;
}
