import { summarize } from '../lib/stats';
import type { BenchResults } from './results';
import { noiseOf, type Row, row } from './row';

/** Scenario 7: how long after its owner was killed each board was edited again (the product on PostgreSQL only). */
export function failoverRows(results: BenchResults): Row[] {
  const outcome = results.failover?.postgres;
  if (!outcome) return [];
  const result = outcome.ok ? outcome.value : null;
  const back = result && result.backMs.length > 0 ? summarize(result.backMs) : null;
  const at = { scenario: '7 failover', unit: 'ms' };
  const note = result
    ? `${result.ownedByKilled} of ${result.boards} boards served by the killed process, each with a writer and a reader on the other; ` +
      `edited again ${result.backMs.length}, not in time ${result.notBack}; then served by the other ${result.servedBySurvivor}; ` +
      `reconnections ${result.reconnects}${noiseOf(results.failover)}`
    : `failed: ${outcome.ok ? '' : (outcome.error.split('\n')[0] ?? '')}`;
  return [
    row({ ...at, metric: 'owner killed -> editing again p50', values: { postgres: back?.p50 ?? null } }),
    row({ ...at, metric: 'owner killed -> editing again max', values: { postgres: back?.max ?? null }, note }),
  ];
}
