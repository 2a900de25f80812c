import type { Role } from '../../lib/roles';
import { currentSignal, foldRun, stepOuts } from '../../lib/run/state';
import type { RunView, StoredRunEvent } from '../../lib/run/types';
import { can } from '../permissions';
import type { StoredRun } from './records';

/** A run as someone in `role` may see it: everyone the state, the team the signals, drivers the requests. */
export function viewOf(run: StoredRun, events: readonly StoredRunEvent[], role: Role): RunView {
  return {
    state: foldRun(run, events),
    signal: can(role, 'run.signals') ? currentSignal(events) : null,
    stepOuts: can(role, 'run.drive') ? stepOuts(events) : [],
  };
}
