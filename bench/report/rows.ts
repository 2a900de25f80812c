import type { BenchResults } from './results';
import type { Row } from './row';
import { browserRows } from './rows-browser';
import { capacity10kRows } from './rows-capacity';
import { failoverRows } from './rows-failover';
import { loadRows } from './rows-load';
import { realtimeRows } from './rows-realtime';

/** Every line of the table, scenario by scenario (rows-*.ts). */
export function buildRows(results: BenchResults): Row[] {
  return [
    ...realtimeRows(results),
    ...loadRows(results),
    ...browserRows(results),
    ...capacity10kRows(results),
    ...failoverRows(results),
  ];
}
