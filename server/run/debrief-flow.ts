import { formatDocName } from '../../lib/doc-names';
import type { WentWrong } from '../../lib/plan/debrief';
import { debriefEntryUpdate, wentWrongOfOutcome, wentWrongOfPreset } from '../../lib/run/debrief-entry';
import { timelineHeading, timelineLines } from '../../lib/run/timeline';
import type { RunOutcome } from '../../lib/run/types';
import { readConsistently, transact } from '../db/immediate';
import { publishSettled } from '../events/bus';
import { toError } from '../http/errors';
import { readStoredParts } from '../update-log/rebuild';
import { claimDebrief, latestRun, runEvents } from './records';

/**
 * Writes what happened on the day into the attempt's debrief as it happens: the moments not yet
 * written (as timed lines at the end of "what happened"), the outcome and the boxes they tick.
 * A rehearsal writes nothing. The edit is made by the server as the interventionist's, and
 * applied by the sync process like any writer's (docs/realtime.md, section 13): it merges with
 * whatever the team is typing, and stays in the debrief's history.
 *
 * The moments are claimed first (the run's `debriefed_seq`), so two moves at once never write a
 * line twice; if the edit is not stored, the claim is given back and the next move writes them.
 */
export async function writeIntoDebrief(boardId: string, attempt: number, userId: string): Promise<void> {
  const claim = await transact(async (tx) => {
    const run = await latestRun(tx, boardId, attempt);
    if (!run || run.rehearsal) return null;
    const events = await runEvents(tx, run.id);
    const last = events[events.length - 1]?.seq ?? 0;
    if (last <= run.debriefedSeq || !(await claimDebrief(tx, run.id, run.debriefedSeq, last))) return null;
    return { run, events, from: run.debriefedSeq, to: last };
  });
  if (!claim) return;
  const { run, events, from, to } = claim;
  const lines = timelineLines(events, run.timeZone, from);
  if (from === 0 && lines.length > 0) lines.unshift(timelineHeading(run.timeZone));
  let outcome: RunOutcome | null = null;
  const wentWrong = new Set<WentWrong>();
  for (const { seq, event } of events) {
    if (seq <= from) continue;
    if (event.kind === 'outcome') {
      outcome = event.outcome;
      const box = wentWrongOfOutcome(event.outcome);
      if (box) wentWrong.add(box);
    }
    if (event.kind === 'contingency') {
      const box = wentWrongOfPreset(event.itemId);
      if (box) wentWrong.add(box);
    }
  }
  const docName = formatDocName({ kind: 'debrief', boardId, attempt });
  try {
    const stored = await readConsistently((tx) => readStoredParts(tx, docName, Number.MAX_SAFE_INTEGER));
    const update = debriefEntryUpdate(stored.parts, { lines, outcome, wentWrong: [...wentWrong] });
    if (update) await publishSettled({ type: 'doc-edit', boardId, docName, userId, update });
  } catch (error) {
    console.error('run mode: the debrief entry was not stored; the next move writes it', toError(error));
    await transact((tx) => claimDebrief(tx, run.id, to, from));
  }
}
