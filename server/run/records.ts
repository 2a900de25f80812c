import { changed, type Tx } from '../db/immediate';
import type { RunRecord, StoredRunEvent, RunEvent } from '../../lib/run/types';
import { parseStoredEvent, storedDetail } from './event-schema';

/**
 * The run records (migration 6): a run of an attempt and its moments. Each helper runs on the
 * transaction it is given: a move inside `transact()`, so it is checked against the state it was
 * made on and appended in one transaction (server/run/actions.ts); reads that must agree with
 * each other (a run and its moments) inside `readConsistently()`, a snapshot that takes no write
 * lock.
 */

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
export async function latestRun(tx: Tx, boardId: string, attempt: number): Promise<StoredRun | null> {
  const runs = tx.selectFrom('runs').select(runColumns).where('board_id', '=', boardId).where('attempt', '=', attempt);
  const row =
    (await runs.where('ended_at', 'is', null).executeTakeFirst()) ??
    (await runs.orderBy('started_at', 'desc').orderBy('id').limit(1).executeTakeFirst());
  return row ? toRecord(row) : null;
}

/** Every run of an attempt, oldest first (the overview asks whether one was a rehearsal). */
export async function runsOfAttempt(tx: Tx, boardId: string, attempt: number): Promise<StoredRun[]> {
  const rows = await tx
    .selectFrom('runs')
    .select(runColumns)
    .where('board_id', '=', boardId)
    .where('attempt', '=', attempt)
    .orderBy('started_at')
    .execute();
  return rows.map(toRecord);
}

export async function runEvents(tx: Tx, runId: string): Promise<StoredRunEvent[]> {
  const rows = await tx
    .selectFrom('run_events')
    .select(['seq', 'at', 'user_id', 'kind', 'detail'])
    .where('run_id', '=', runId)
    .orderBy('seq')
    .execute();
  const events: StoredRunEvent[] = [];
  for (const row of rows) {
    const event = parseStoredEvent(row.kind, row.detail);
    if (event) events.push({ seq: row.seq, at: row.at, userId: row.user_id ?? '', event });
  }
  return events;
}

export async function insertRun(
  tx: Tx,
  run: {
    id: string;
    boardId: string;
    attempt: number;
    rehearsal: boolean;
    timeZone: string;
    startedBy: string;
    at: number;
  },
): Promise<void> {
  await tx
    .insertInto('runs')
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
    })
    .execute();
}

/** Appends moments after the run's last one; returns them as stored. */
export async function appendEvents(
  tx: Tx,
  runId: string,
  userId: string,
  at: number,
  events: readonly RunEvent[],
): Promise<StoredRunEvent[]> {
  const last = await tx
    .selectFrom('run_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('run_id', '=', runId)
    .executeTakeFirst();
  let seq = Number(last?.seq ?? 0);
  const stored: StoredRunEvent[] = [];
  for (const event of events) {
    seq += 1;
    await tx
      .insertInto('run_events')
      .values({ run_id: runId, seq, at, user_id: userId, ...storedDetail(event) })
      .execute();
    stored.push({ seq, at, userId, event });
  }
  return stored;
}

export async function endRun(tx: Tx, runId: string, at: number): Promise<void> {
  await tx.updateTable('runs').set({ ended_at: at }).where('id', '=', runId).where('ended_at', 'is', null).execute();
}

/** Moves the debrief marker from `from` to `to`; false when another request moved it first. */
export async function claimDebrief(tx: Tx, runId: string, from: number, to: number): Promise<boolean> {
  const result = await tx
    .updateTable('runs')
    .set({ debriefed_seq: to })
    .where('id', '=', runId)
    .where('debriefed_seq', '=', from)
    .executeTakeFirst();
  return changed(result) === 1;
}
