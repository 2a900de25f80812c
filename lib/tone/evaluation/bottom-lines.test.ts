/**
 * checkBottomLine on the bottom-line statements written for issue 16, item 3: threats and
 * demands on the loved one are refused with their own reason, the writer's own action passes.
 * The figures are printed (run with --test-reporter=spec) and recorded in docs/tone.md.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BOTTOM_LINE_STATEMENTS } from './bottom-line-statements';
import { evaluateBottomLines } from './evaluate-bottom-lines';

describe('bottom-line statements', () => {
  const result = evaluateBottomLines(BOTTOM_LINE_STATEMENTS);

  it('prints the figures', (t) => {
    const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
    t.diagnostic(`bottom-line statements: ${result.correct} of ${result.rows} verdicts right`);
    t.diagnostic(`refused: precision ${pct(result.refuse.precision)}, recall ${pct(result.refuse.recall)}`);
    t.diagnostic(`threat: precision ${pct(result.threat.precision)}, recall ${pct(result.threat.recall)}`);
    for (const [statement, expected, got] of result.mistakes)
      t.diagnostic(`  differs: ${statement} expected ${expected} got ${got}`);
  });

  it('gives the right verdict, with its reason, for at least 90% of statements', () => {
    assert.ok(result.correct / result.rows >= 0.9, `${result.correct} of ${result.rows}`);
    assert.ok(result.threat.recall >= 0.9 && result.threat.precision >= 0.9, JSON.stringify(result.threat));
  });
});
