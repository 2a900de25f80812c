import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseOptions, runsOn } from './options';

test('without --postgres: the six scenarios on the product and its two references, as before', () => {
  const options = parseOptions([]);
  assert.equal(options.postgres, false);
  assert.deepEqual(options.only, ['latency', 'capacity', 'throughput', 'load', 'browser', 'capacity10k']);
  assert.deepEqual(options.targets, ['product', 'relay', 'hocuspocus']);
});

test('--postgres adds the failover to every scenario, and keeps the targets asked for', () => {
  const options = parseOptions(['--postgres', '--targets=product']);
  assert.equal(options.postgres, true);
  assert.ok(options.only.includes('failover'));
  assert.deepEqual(options.targets, ['product']);
});

test('--only picks scenarios; the failover needs --postgres; postgres is not one of --targets', () => {
  assert.deepEqual(parseOptions(['--postgres', '--quick', '--only=latency,failover']).only, ['latency', 'failover']);
  assert.throws(() => parseOptions(['--only=failover']), /needs --postgres/);
  assert.throws(() => parseOptions(['--targets=postgres']), /unknown target postgres/);
});

test('the product on PostgreSQL runs scenarios 1 to 3 and the failover, nothing else does the failover', () => {
  const on = (target: Parameters<typeof runsOn>[1]) =>
    (['latency', 'capacity', 'throughput', 'load', 'browser', 'capacity10k', 'failover'] as const).filter((s) =>
      runsOn(s, target),
    );
  assert.deepEqual(on('postgres'), ['latency', 'capacity', 'throughput', 'failover']);
  assert.deepEqual(on('product'), ['latency', 'capacity', 'throughput', 'load', 'browser', 'capacity10k']);
  assert.deepEqual(on('relay'), ['latency', 'capacity', 'throughput', 'load', 'capacity10k']);
});
