import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LatencyResult } from '../scenarios/latency';
import type { BenchResults, Outcome, PerTarget } from './results';
import { perTarget, row, slashed } from './row';
import { failoverRows } from './rows-failover';
import { formatTable } from './table';

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value, ms: 1, otherCpu: 0, tries: 1 });
const p99 = (ms: number) => ({ latency: { p99: ms } }) as LatencyResult;

test('without the product on PostgreSQL a row has no postgres field, as before', () => {
  const per: PerTarget<LatencyResult> = { product: ok(p99(4)), relay: ok(p99(2)) };
  const built = row({ scenario: '1 latency', metric: 'p99', unit: 'ms', values: perTarget(per, (v) => v.latency.p99) });
  assert.equal('postgres' in built, false);
  assert.equal(JSON.stringify(built).includes('postgres'), false);
  assert.equal(
    slashed(per, (v) => String(v.latency.p99)),
    '4 / 2 / -',
  );
});

test('postgres / sqlite is the figure on PostgreSQL over the product on SQLite of the same run', () => {
  const per: PerTarget<LatencyResult> = { product: ok(p99(4)), relay: ok(p99(2)), postgres: ok(p99(6)) };
  const built = row({
    scenario: '1 latency',
    metric: 'p99',
    unit: 'ms',
    values: perTarget(per, (v) => v.latency.p99),
    cpu: { product: 0.1, postgres: 0.3 },
  });
  assert.deepEqual(built.values, { product: 4, relay: 2, hocuspocus: null });
  assert.deepEqual(built.postgres, { value: 6, ratio: 1.5, cpu: 0.3 });
  assert.equal(built.ratios.relay, 2, 'the references are still compared with the product on SQLite');
  assert.equal(
    slashed(per, (v) => String(v.latency.p99)),
    '4 / 2 / - / 6',
  );
});

test('no ratio without the product on SQLite, and a failed run on PostgreSQL shows as missing', () => {
  const per: PerTarget<LatencyResult> = {
    postgres: { ok: false, error: 'x', ms: 1, otherCpu: 0, tries: 1 },
    relay: ok(p99(2)),
  };
  const built = row({ scenario: 's', metric: 'm', unit: 'ms', values: perTarget(per, (v) => v.latency.p99) });
  assert.deepEqual(built.postgres, { value: null, ratio: null, cpu: null });
  const alone = row({ scenario: 's', metric: 'm', unit: 'ms', values: { postgres: 3 } });
  assert.deepEqual(alone.postgres, { value: 3, ratio: null, cpu: null });
});

test('the table gains its PostgreSQL columns only when a row has them', () => {
  const plain = row({ scenario: 's', metric: 'm', unit: 'ms', values: { product: 2 }, cpu: { product: 0.5 } });
  const before = formatTable([plain]).split('\n')[0] ?? '';
  assert.equal(
    before.replace(/ +/g, ' '),
    '| scenario | metric | product | relay | Hocuspocus | product / relay | product / Hocuspocus | server CPU (product / relay / Hocuspocus) | bound | pass | ahead of Hocuspocus | note |',
  );
  const both = row({
    scenario: 's',
    metric: 'm',
    unit: 'ms',
    values: { product: 2, postgres: 3 },
    cpu: { product: 0.5, postgres: 0.75 },
  });
  const [header, , line] = formatTable([both, plain]).split('\n');
  const cells = (text: string | undefined) => (text ?? '').split('|').map((c) => c.trim());
  const at = (name: string) => cells(header).indexOf(name);
  assert.equal(cells(line)[at('on PostgreSQL, 2 processes')], '3.0 ms');
  assert.equal(cells(line)[at('postgres / sqlite')], '1.50x');
  assert.equal(cells(line)[at('server CPU (product / relay / Hocuspocus / PostgreSQL)')], '50% / - / - / 75%');
});

test('the failover rows: median and max of the boards edited again, on PostgreSQL only', () => {
  const results = {
    failover: {
      postgres: ok({
        boards: 3,
        ownedByKilled: 3,
        backMs: [5000, 5600, 8100],
        notBack: 0,
        servedBySurvivor: 3,
        reconnects: 12,
      }),
    },
  } as Partial<BenchResults> as BenchResults;
  const [p50, max] = failoverRows(results);
  assert.equal(p50?.postgres?.value, 5600);
  assert.equal(max?.postgres?.value, 8100);
  assert.equal(p50?.values.product, null);
  assert.deepEqual(failoverRows({} as BenchResults), []);
});
