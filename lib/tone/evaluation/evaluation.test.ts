/**
 * Precision and recall of the tone check on the product's own table: the original rows
 * (regression-rows.ts), the issue-16 sentences (sentences.ts) and the held-out batch
 * (held-out.ts). The thresholds are what the raised rules meet with a little room, so a change
 * that makes the check nag more, or miss more, fails here even when each single row could be
 * argued; the figures are printed (run with --test-reporter=spec to see them) and recorded in
 * docs/tone.md.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate, formatEvaluation, type TableRow } from './evaluate';
import { HELD_OUT_ROWS } from './held-out';
import { REGRESSION_ROWS } from './regression-rows';
import { NEW_ROWS } from './sentences';

const ORIGINAL: readonly TableRow[] = REGRESSION_ROWS.map(([text, kind, expect]) => ({ text, kind, expect }));
const WHOLE: readonly TableRow[] = [...ORIGINAL, ...NEW_ROWS, ...HELD_OUT_ROWS];

describe('evaluation table', () => {
  it('has at least 30 new sentences, about half of them not flagged', () => {
    const fresh = [...NEW_ROWS, ...HELD_OUT_ROWS];
    const quiet = fresh.filter((r) => r.expect.length === 0).length;
    assert.ok(fresh.length >= 30, `${fresh.length} new sentences`);
    assert.ok(quiet / fresh.length > 0.35 && quiet / fresh.length < 0.65, `${quiet} of ${fresh.length} not flagged`);
  });

  it('covers every rule', () => {
    const rules = new Set(WHOLE.flatMap((r) => r.expect));
    for (const rule of [
      'generalisation',
      'blame',
      'disguised-you',
      'group-voice',
      'hearsay',
      'label',
      'threat',
      'name-calling',
    ] as const) {
      assert.ok(rules.has(rule), rule);
    }
  });
});

describe('precision and recall', () => {
  const whole = evaluate(WHOLE);

  it('prints the figures', (t) => {
    for (const [title, rows] of [
      ['original table', ORIGINAL],
      ['issue-16 sentences', NEW_ROWS],
      ['held-out sentences', HELD_OUT_ROWS],
      ['whole table', WHOLE],
    ] as const) {
      for (const line of formatEvaluation(title, evaluate(rows))) t.diagnostic(line);
    }
    for (const m of whole.mistakes)
      t.diagnostic(`  differs: ${m.text} expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}`);
  });

  it('overall: precision and recall at least 95%', () => {
    assert.ok(whole.overall.precision >= 0.95, `precision ${whole.overall.precision}`);
    assert.ok(whole.overall.recall >= 0.95, `recall ${whole.overall.recall}`);
  });

  it('every rule: precision and recall at least 85%', () => {
    for (const [rule, s] of whole.perRule) {
      assert.ok(s.precision >= 0.85, `${rule} precision ${s.precision}`);
      assert.ok(s.recall >= 0.85, `${rule} recall ${s.recall}`);
    }
  });

  it('the original table is still met exactly', () => {
    assert.deepEqual(evaluate(ORIGINAL).mistakes, []);
  });
});
