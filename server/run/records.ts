import { firstNow, rowsNow, writeNow } from '../db/immediate';
import { db } from '../db/connection';
import type { RunRecord, StoredRunEvent, RunEvent } from '../../lib/run/types';
import { parseStoredEvent, storedDetail } from './event-schema';

/**
 * The run records (migration 6): a run of an attempt and its moments. The synchronous helpers
 * run inside `immediately()`, so a move is checked against the state it was made on and
 * appended in one transaction (server/run/actions.ts).
 */

/**
 * Reads that must agree with each other (a run and its moments) in one deferred transaction: a
 * consistent snapshot without taking the write lock the sync process needs for every edit.
 */
export function readRunsNow<T>(work: () => T): T {
  return db().sqlite.transaction(work).deferred();
}

interface RunRow {
  id: string;
  attempt: number;
  rehearsal: 0 | 1;
  time_zone: string;
  started_by: string | null;
  started_at: number;
  ended_at: number | null;
  debriefed_seq: number;
}

function toRecord(row: RunRow): RunRecord & { debriefedSeq: number } {
  return {
    id: row.id,
    attempt: row.attempt,
    rehearsal: row.rehearsal === 1,
    startedAt: row.started_at,
    startedBy: row.started_by ?? '',
    endedAt: row.ended_at,
    timeZone: row.time_zone,
    debriefedSeq: row.debriefed_seq,
  };
}

export type StoredRun = ReturnType<typeof toRecord>;

const runColumns = [
  'id',
  'attempt',
  'rehearsal',
  'time_zone',
  'started_by',
  'started_at',
  'ended_at',
  'debriefed_seq',
] as const;

/** The run under way on an attempt, else its most recent one (ended), else null. */
export function latestRunNow(boardId: string, attempt: number): StoredRun | null {
  const runs = db()
    .kysely.selectFrom('runs')
    .select(runColumns)
    .where('board_id', '=', boardId)
    .where('attempt', '=', attempt);
  const row =
    firstNow(runs.where('ended_at', 'is', null)) ?? firstNow(runs.orderBy('started_at', 'desc').orderBy('id').limit(1));
  return row ? toRecord(row) : null;
}

/** Every run of an attempt, oldest first (the overview asks whether one was a rehearsal). */
export function runsOfAttemptNow(boardId: string, attempt: number): StoredRun[] {
  return rowsNow(
    db()
      .kysely.selectFrom('runs')
      .select(runColumns)
      .where('board_id', '=', boardId)
      .where('attempt', '=', attempt)
      .orderBy('started_at'),
  ).map(toRecord);
}

export function runEventsNow(runId: string): StoredRunEvent[] {
  const rows = rowsNow(
    db()
      .kysely.selectFrom('run_events')
      .select(['seq', 'at', 'user_id', 'kind', 'detail'])
      .where('run_id', '=', runId)
      .orderBy('seq'),
  );
  const events: StoredRunEvent[] = [];
  for (const row of rows) {
    const event = parseStoredEvent(row.kind, row.detail);
    if (event) events.push({ seq: row.seq, at: row.at, userId: row.user_id ?? '', event });
  }
  return events;
}

export function insertRunNow(run: {
  id: string;
  boardId: string;
  attempt: number;
  rehearsal: boolean;
  timeZone: string;
  startedBy: string;
  at: number;
}): void {
  writeNow(
    db()
      .kysely.insertInto('runs')
      .values({
        id: run.id,
        board_id: run.boardId,
        attempt: run.attempt,
        rehearsal: run.rehearsal ? 1 : 0,
        time_zone: run.timeZone,
        started_by: run.startedBy,
        started_at: run.at,
        ended_at: null,
        debriefed_seq: 0,
      }),
  );
}

/** Appends moments after the run's last one; returns them as stored. */
export function appendEventsNow(
  runId: string,
  userId: string,
  at: number,
  events: readonly RunEvent[],
): StoredRunEvent[] {
  const last = firstNow(
    db()
      .kysely.selectFrom('run_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('run_id', '=', runId),
  );
  let seq = Number(last?.seq ?? 0);
  const stored: StoredRunEvent[] = [];
  for (const event of events) {
    seq += 1;
    writeNow(
      db()
        .kysely.insertInto('run_events')
        .values({ run_id: runId, seq, at, user_id: userId, ...storedDetail(event) }),
    );
    stored.push({ seq, at, userId, event });
  }
  return stored;
}

export function endRunNow(runId: string, at: number): void {
  writeNow(db().kysely.updateTable('runs').set({ ended_at: at }).where('id', '=', runId).where('ended_at', 'is', null));
}

/** Moves the debrief marker from `from` to `to`; false when another request moved it first. */
export function claimDebriefNow(runId: string, from: number, to: number): boolean {
  return (
    writeNow(
      db()
        .kysely.updateTable('runs')
        .set({ debriefed_seq: to })
        .where('id', '=', runId)
        .where('debriefed_seq', '=', from),
    ) === 1
  );
}
