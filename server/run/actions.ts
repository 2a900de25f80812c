import type { PlanJSON } from '../../lib/plan/to-json';
import { runningOrder } from '../../lib/run/order';
import { planMove, type MoveAction } from '../../lib/run/moves';
import { foldRun } from '../../lib/run/state';
import { knownTimeZone } from '../../lib/run/timeline';
import type { RunView, StoredRunEvent } from '../../lib/run/types';
import type { RunAction } from '../../lib/schemas/run';
import { audit } from '../audit';
import { readConsistently, transact, type Tx } from '../db/immediate';
import { badRequest, conflict, forbidden, HttpError } from '../http/errors';
import { newId } from '../ids';
import { can } from '../permissions';
import { writeIntoDebrief } from './debrief-flow';
import { readPlan } from './plan';
import { announce } from './publish';
import { appendEvents, endRun, insertRun, latestRun, runEvents, type StoredRun } from './records';
import type { RunScope } from './scope';
import { followersFrom, playbooksOf } from './sheet';
import { viewOf } from './view';

/** The run of the attempt as the caller may see it, or null when none was ever started. */
export async function currentRun(scope: RunScope): Promise<RunView | null> {
  return readConsistently(async (tx) => {
    const run = await latestRun(tx, scope.boardId, scope.attempt.number);
    return run ? viewOf(run, await runEvents(tx, run.id), scope.role) : null;
  });
}

/** The run as a page first shows it, with the server's clock for the phone's timers. */
export async function runForPage(scope: RunScope): Promise<{ run: RunView | null; now: number }> {
  return { run: await currentRun(scope), now: Date.now() };
}

function requireRole(scope: RunScope, action: RunAction): void {
  const needed = action.type === 'step-out' ? 'run.step-out' : 'run.drive';
  if (can(scope.role, needed)) return;
  throw forbidden(
    action.type === 'step-out'
      ? 'Only a relative on the team asks to step out.'
      : 'Only the interventionist leads the run; your screen follows it.',
  );
}

interface Applied {
  run: StoredRun;
  events: StoredRunEvent[];
  added: StoredRunEvent[];
}

/** Checks the move against the run as stored and appends what it adds, inside one transaction (`tx`). */
async function applyMove(tx: Tx, scope: RunScope, action: RunAction, plan: PlanJSON): Promise<Applied> {
  const { boardId, principal } = scope;
  const attempt = scope.attempt.number;
  const at = Date.now();
  const existing = await latestRun(tx, boardId, attempt);
  const underWay = existing !== null && existing.endedAt === null ? existing : null;
  if (action.type === 'start') {
    if (underWay) throw conflict('A run is already under way on this attempt: end it first.');
    const id = newId();
    await insertRun(tx, {
      id,
      boardId,
      attempt,
      rehearsal: action.rehearsal,
      timeZone: knownTimeZone(action.timeZone),
      startedBy: principal.userId,
      at,
    });
    const added = await appendEvents(tx, id, principal.userId, at, [{ kind: 'started' }]);
    const run = await latestRun(tx, boardId, attempt);
    if (!run) throw new Error('the run just started is missing');
    return { run, events: added, added };
  }
  if (!underWay) throw conflict('No run is under way: the interventionist starts one.');
  const before = await runEvents(tx, underWay.id);
  const state = foldRun(underWay, before);
  if ('seq' in action && action.seq !== state.seq) {
    throw conflict('The run has moved on since your screen last showed it: look again, then choose.');
  }
  const result = planMove(state, action satisfies MoveAction, {
    order: runningOrder(plan),
    contingencies: playbooksOf(plan),
    followers: followersFrom(plan),
    by: principal.name,
  });
  if (!result.ok) throw result.status === 400 ? badRequest(result.message) : conflict(result.message);
  const added = await appendEvents(tx, underWay.id, principal.userId, at, result.events);
  if (added.some((e) => e.event.kind === 'ended')) await endRun(tx, underWay.id, at);
  const run = (await latestRun(tx, boardId, attempt)) ?? underWay;
  return { run, events: [...before, ...added], added };
}

/**
 * One move of run mode by the caller: checked (role, run under way, made on the current state,
 * allowed by the rules of the day in lib/run/moves.ts), stored, told to each phone that may know
 * it, and, for a real run, written into the debrief.
 */
export async function act(scope: RunScope, action: RunAction): Promise<RunView> {
  requireRole(scope, action);
  if (!scope.latest) throw conflict('This attempt is over: run mode follows the latest attempt.');
  // Read outside the write lock: rebuilding the plan takes a few milliseconds.
  const plan = await readPlan(scope.boardId, scope.attempt.number);
  const applied = await transact((tx) => applyMove(tx, scope, action, plan));
  await announce(scope.boardId, applied.run, applied.events, applied.added);
  if (action.type === 'start' || action.type === 'end' || action.type === 'outcome') {
    await audit({
      action: `run.${action.type === 'outcome' ? 'outcome' : action.type === 'start' ? 'started' : 'ended'}`,
      userId: scope.principal.userId,
      boardId: scope.boardId,
      detail: {
        attempt: scope.attempt.number,
        rehearsal: applied.run.rehearsal,
        ...(action.type === 'outcome' ? { outcome: action.outcome } : {}),
      },
    });
  }
  if (!applied.run.rehearsal && applied.added.length > 0) {
    await writeIntoDebrief(scope.boardId, scope.attempt.number, scope.principal.userId).catch((error: unknown) => {
      // Never fails the move: the phones already have it, and the next move writes it.
      console.error('run mode: debrief entry failed', error instanceof HttpError ? error.message : error);
    });
  }
  return viewOf(applied.run, applied.events, scope.role);
}
