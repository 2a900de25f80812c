/**
 * Precision and recall of the tone check on a table of sentences. Counting is per rule within a
 * sentence: a sentence expected to carry one blame flag that gets two counts one hit and one
 * false alarm, and a flag of the wrong rule is a false alarm for that rule and a miss for the
 * expected one. Position is not scored here (the regression test checks order exactly).
 */
import { checkLetter } from '../check-letter';
import type { LetterKind, ToneRule } from '../types';

export interface TableRow {
  text: string;
  kind: LetterKind;
  expect: readonly ToneRule[];
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** 1 when nothing was flagged (no false alarm is possible). */
  precision: number;
  /** 1 when nothing was expected. */
  recall: number;
}

export interface Mistake {
  text: string;
  kind: LetterKind;
  expected: readonly ToneRule[];
  got: readonly ToneRule[];
}

export interface Evaluation {
  overall: Score;
  perRule: ReadonlyMap<ToneRule, Score>;
  /** Sentences whose flags (as a multiset of rules) differ from the expected ones. */
  mistakes: readonly Mistake[];
  rows: number;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function score({ tp, fp, fn }: Counts): Score {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

function tally(rules: readonly ToneRule[]): Map<ToneRule, number> {
  const counts = new Map<ToneRule, number>();
  for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  return counts;
}

export function evaluate(rows: readonly TableRow[]): Evaluation {
  const perRule = new Map<ToneRule, Counts>();
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const mistakes: Mistake[] = [];
  for (const row of rows) {
    const got = checkLetter(row.text, row.kind).flags.map((f) => f.rule);
    const expected = tally(row.expect);
    const actual = tally(got);
    let wrong = false;
    for (const rule of new Set([...expected.keys(), ...actual.keys()])) {
      const e = expected.get(rule) ?? 0;
      const a = actual.get(rule) ?? 0;
      const hit = Math.min(e, a);
      const counts = perRule.get(rule) ?? { tp: 0, fp: 0, fn: 0 };
      counts.tp += hit;
      counts.fp += a - hit;
      counts.fn += e - hit;
      perRule.set(rule, counts);
      overall.tp += hit;
      overall.fp += a - hit;
      overall.fn += e - hit;
      if (a !== e) wrong = true;
    }
    if (wrong) mistakes.push({ text: row.text, kind: row.kind, expected: row.expect, got });
  }
  const scores = new Map<ToneRule, Score>();
  for (const [rule, counts] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) scores.set(rule, score(counts));
  return { overall: score(overall), perRule: scores, mistakes, rows: rows.length };
}

function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}

function line(name: string, s: Score): string {
  const counts = `tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives}`;
  return `${name.padEnd(16)} precision ${pct(s.precision).padStart(6)}  recall ${pct(s.recall).padStart(6)}  (${counts})`;
}

/** A plain-text report, one line per rule, for a test's diagnostic output. */
export function formatEvaluation(title: string, e: Evaluation): string[] {
  return [
    `${title}: ${e.rows} sentences, ${e.mistakes.length} with a different set of flags`,
    line('overall', e.overall),
    ...[...e.perRule].map(([rule, s]) => line(rule, s)),
  ];
}
