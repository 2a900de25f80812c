/**
 * How checkBottomLine does on a table of statements: the share of right verdicts, and
 * precision and recall of "not ok" (a statement that should be rewritten) and of "threat".
 * The verdict is read from the reason, as check-bottom-line.test.ts does, so a right refusal
 * with the wrong reason counts as wrong.
 */
import { checkBottomLine } from '../check-bottom-line';
import type { Verdict } from './bottom-line-statements';

const REASONS: ReadonlyArray<readonly [Exclude<Verdict, 'ok'>, RegExp]> = [
  ['empty', /^Write what you will do/],
  ['threat', /threat/],
  ['order', /tells them what to do/],
  ['control', /cannot make them/],
  ['hedge', /has to be certain/],
  ['group', /own bottom line/],
  ['no-action', /should say what you will do/],
];

export function verdictOf(statement: string): Verdict | 'unknown' {
  const result = checkBottomLine(statement);
  if (result.ok) return 'ok';
  const found = REASONS.find(([, pattern]) => pattern.test(result.reason ?? ''));
  return found === undefined ? 'unknown' : found[0];
}

export interface BottomLineEvaluation {
  rows: number;
  correct: number;
  /** Precision and recall of refusing a statement at all (any verdict but ok). */
  refuse: { precision: number; recall: number };
  threat: { precision: number; recall: number };
  mistakes: ReadonlyArray<readonly [statement: string, expected: Verdict, got: Verdict | 'unknown']>;
}

function pr(tp: number, fp: number, fn: number): { precision: number; recall: number } {
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

export function evaluateBottomLines(
  rows: ReadonlyArray<readonly [statement: string, verdict: Verdict]>,
): BottomLineEvaluation {
  const refuse = { tp: 0, fp: 0, fn: 0 };
  const threat = { tp: 0, fp: 0, fn: 0 };
  const mistakes: Array<readonly [string, Verdict, Verdict | 'unknown']> = [];
  for (const [statement, expected] of rows) {
    const got = verdictOf(statement);
    if (got !== expected) mistakes.push([statement, expected, got]);
    const shouldRefuse = expected !== 'ok';
    const refused = got !== 'ok';
    if (refused && shouldRefuse) refuse.tp++;
    else if (refused) refuse.fp++;
    else if (shouldRefuse) refuse.fn++;
    if (got === 'threat' && expected === 'threat') threat.tp++;
    else if (got === 'threat') threat.fp++;
    else if (expected === 'threat') threat.fn++;
  }
  return {
    rows: rows.length,
    correct: rows.length - mistakes.length,
    refuse: pr(refuse.tp, refuse.fp, refuse.fn),
    threat: pr(threat.tp, threat.fp, threat.fn),
    mistakes,
  };
}
