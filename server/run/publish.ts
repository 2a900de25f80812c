import { changesState, currentSignal, foldRun } from '../../lib/run/state';
import type { StoredRunEvent } from '../../lib/run/types';
import { listMembers } from '../boards/members';
import { publish } from '../events/bus';
import { can } from '../permissions';
import type { StoredRun } from './records';

/**
 * Tells the board channel about new moments of a run, each to those who may know it: the state to
 * the whole board (viewers read along), a signal to the team (participants: the interventionists'
 * room and each relative), a request to step out to the interventionists alone.
 */
export async function announce(
  boardId: string,
  run: StoredRun,
  events: readonly StoredRunEvent[],
  added: readonly StoredRunEvent[],
): Promise<void> {
  const now = Date.now();
  const attempt = run.attempt;
  if (added.some((e) => changesState(e.event))) {
    publish({
      type: 'run',
      boardId,
      audience: { kind: 'board' },
      message: { kind: 'state', attempt, state: foldRun(run, events), now },
    });
  }
  if (added.some((e) => e.event.kind === 'signal' || e.event.kind === 'signal-cleared' || e.event.kind === 'ended')) {
    const team = (await listMembers(boardId)).filter((m) => can(m.role, 'run.signals')).map((m) => m.userId);
    publish({
      type: 'run',
      boardId,
      audience: { kind: 'private', userIds: team },
      message: { kind: 'signal', attempt, runId: run.id, signal: currentSignal(events), now },
    });
  }
  for (const stored of added) {
    if (stored.event.kind !== 'step-out') continue;
    publish({
      type: 'run',
      boardId,
      audience: { kind: 'private', userIds: [] },
      message: {
        kind: 'step-out',
        attempt,
        runId: run.id,
        stepOut: { seq: stored.seq, at: stored.at, userId: stored.userId, name: stored.event.name },
        now,
      },
    });
  }
}
