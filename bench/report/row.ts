import { type ProductOrReference, TARGET_NAMES } from '../targets/types';
import type { Outcome, PerTarget } from './results';

/** A figure of the product and each reference, the table's first columns. */
export type PerName = Record<ProductOrReference, number | null>;

/**
 * Each target's figure, and the product on PostgreSQL's when it was measured (--postgres): the
 * key is absent otherwise, so that a run without it reports exactly what it reported before.
 */
export type Figures = PerName & { postgres?: number | null };

/** The product on PostgreSQL with two processes, against the product on SQLite of the same run. */
export interface PostgresColumns {
  value: number | null;
  /** postgres / sqlite: the same figure over the product's (on SQLite, one process). */
  ratio: number | null;
  /** Server CPU (cores), PostgreSQL's own processes included. */
  cpu: number | null;
}

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
  /** Only in a run with --postgres, on the scenarios measured there. */
  postgres?: PostgresColumns;
}

export interface RowSpec {
  scenario: string;
  metric: string;
  values: Partial<Figures>;
  unit: string;
  better?: Row['better'];
  bound?: string;
  cpu?: Partial<Figures>;
  note?: string;
}

const NONE: PerName = { product: null, relay: null, hocuspocus: null };

function ratioOf(product: number | null, reference: number | null): number | null {
  return product !== null && reference !== null && reference > 0 ? product / reference : null;
}

export function row(spec: RowSpec, judge?: (r: Row) => boolean | null): Row {
  const { postgres, ...others } = spec.values;
  const values = { ...NONE, ...others };
  const ratios = {
    relay: ratioOf(values.product, values.relay),
    hocuspocus: ratioOf(values.product, values.hocuspocus),
  };
  const better = spec.better ?? 'lower';
  const { postgres: postgresCpu, ...cpu } = spec.cpu ?? {};
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
    cpu: { ...NONE, ...cpu },
    note: spec.note ?? '',
  };
  if (postgres !== undefined) {
    built.postgres = { value: postgres, ratio: ratioOf(postgres, values.product), cpu: postgresCpu ?? null };
  }
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

/** The targets a scenario's figures are shown for: the three, and the product on PostgreSQL where it ran. */
function namesOf(per: PerTarget<unknown> | undefined): (keyof Figures)[] {
  return per?.postgres === undefined ? [...TARGET_NAMES] : [...TARGET_NAMES, 'postgres'];
}

/** Each target's figure from its outcome (null where the scenario failed or was not run). */
export function perTarget<T>(per: PerTarget<T> | undefined, pick: (value: T) => number | null | undefined): Figures {
  const out: Figures = { ...NONE };
  for (const name of namesOf(per)) {
    const v = value(per?.[name]);
    out[name] = v === null ? null : (pick(v) ?? null);
  }
  return out;
}

/**
 * The same figure of every target present, "product / relay / hocuspocus" ('-' where missing),
 * then "/ postgres" where the product on PostgreSQL ran.
 */
export function slashed<T>(per: PerTarget<T> | undefined, show: (value: T) => string): string {
  return namesOf(per)
    .map((name) => {
      const v = value(per?.[name]);
      return v === null ? '-' : show(v);
    })
    .join(' / ');
}

/** Notes a measurement disturbed by other people's processes (cores they used meanwhile). */
export function noise(...outcomes: (Outcome<unknown> | undefined)[]): string {
  const loud = outcomes.filter((o): o is Outcome<unknown> => o !== undefined && o.otherCpu > 0.25);
  return loud.length ? `; others busy ${loud.map((o) => o.otherCpu.toFixed(2)).join('/')} cores` : '';
}

/** noise() over every target's outcome of a scenario. */
export function noiseOf(per: PerTarget<unknown> | undefined): string {
  return noise(...namesOf(per).map((name) => per?.[name]));
}

export function pct(x: number | undefined | null): string {
  return x === undefined || x === null || Number.isNaN(x) ? '-' : `${(x * 100).toFixed(1)}%`;
}
