import { type BoardStage, type GuidedBoard, needsNext, nextDateOf, type QueueItem } from '../../lib/overview/queue';
import { coverageChecks } from '../../lib/readiness/coverage';
import { getDebrief } from '../attempts/debrief';
import { listBoards } from '../boards/boards';
import { db } from '../db/connection';
import { can } from '../permissions';
import { readinessReport } from '../readiness/readiness';
import { readPlan } from '../run/plan';
import { runsOfAttempt } from '../run/records';

/** The last change on a board: a record (the audit log) or an edit of any of its documents. */
async function lastActivity(boardId: string): Promise<number | null> {
  const { kysely } = db();
  const prefix = `board/${boardId}/`;
  // A range on the log's primary key (doc, seq): every document of the board, and no other.
  // Document names are ASCII, so every one under the prefix sorts before prefix + U+FFFF in
  // byte order: SQLite's, and PostgreSQL's with the doc columns collated "C"
  // (migrations-postgres.ts); a language's collation would order "/" differently.
  const edit = await kysely
    .selectFrom('doc_updates')
    .select((eb) => eb.fn.max<number | null>('at').as('at'))
    .where('doc', '>=', prefix)
    .where('doc', '<', `${prefix}\uffff`)
    .executeTakeFirst();
  const record = await kysely
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max<number | null>('at').as('at'))
    .where('board_id', '=', boardId)
    .executeTakeFirst();
  const times = [edit?.at, record?.at].filter((at): at is number => typeof at === 'number');
  return times.length > 0 ? Math.max(...times) : null;
}

async function guidedBoard(boardId: string, title: string, today: string): Promise<GuidedBoard> {
  const latest = await db()
    .kysely.selectFrom('attempts')
    .select(['number', 'frozen_at'])
    .where('board_id', '=', boardId)
    .orderBy('number', 'desc')
    .executeTakeFirstOrThrow();
  const attempt = latest.number;
  const plan = await readPlan(boardId, attempt);
  const letters = await db()
    .kysely.selectFrom('letter_reviews')
    .innerJoin('users', 'users.id', 'letter_reviews.user_id')
    .select(['users.name', 'letter_reviews.letter', 'letter_reviews.updated_at'])
    .where('letter_reviews.board_id', '=', boardId)
    .where('letter_reviews.attempt', '=', attempt)
    .where('letter_reviews.status', '=', 'submitted')
    .execute();
  const questions = await db()
    .kysely.selectFrom('questions')
    .innerJoin('users', 'users.id', 'questions.asked_by')
    .select(['users.name', 'questions.created_at'])
    .where('questions.board_id', '=', boardId)
    .where('questions.attempt', '=', attempt)
    .where('questions.answer', '=', '')
    .where('questions.withdrawn_at', 'is', null)
    .execute();
  const report = await readinessReport(boardId, attempt, null);
  const runs = await runsOfAttempt(db().kysely, boardId, attempt);
  const underWay = runs.find((run) => run.endedAt === null);
  const outcome = (await getDebrief(boardId, attempt)).outcome;
  const stage: BoardStage =
    outcome !== ''
      ? 'outcome'
      : runs.some((run) => run.rehearsal && run.endedAt !== null)
        ? 'rehearsed'
        : latest.frozen_at !== null
          ? 'frozen'
          : 'planning';
  return {
    boardId,
    title,
    attempt,
    stage,
    outcome,
    nextDate: nextDateOf(plan.logistics, today),
    live: underWay ? { rehearsal: underWay.rehearsal } : null,
    lettersWaiting: letters.map((row) => ({ ownerName: row.name, letter: row.letter, since: row.updated_at })),
    questionsWaiting: questions.map((row) => ({ askedByName: row.name, since: row.created_at })),
    gaps: coverageChecks(plan, report.letters)
      .filter((check) => !check.ok)
      .map(({ id, label, missing }) => ({ id, label, missing })),
    lastActivity: await lastActivity(boardId),
  };
}

/**
 * The boards someone guides (those where their role allows `overview.guide`), each as the
 * interventionist's overview shows it. Everything here is theirs to see: they read every scope
 * of a board they guide. Empty for someone who guides none.
 */
export async function guidedBoards(userId: string, today: string): Promise<GuidedBoard[]> {
  const boards = (await listBoards(userId)).filter((board) => can(board.role, 'overview.guide'));
  const out: GuidedBoard[] = [];
  for (const board of boards) out.push(await guidedBoard(board.id, board.title, today));
  return out;
}

/** The overview of someone's home page: the boards they guide and one queue across them, as of now. */
export async function overviewFor(userId: string): Promise<{ boards: GuidedBoard[]; queue: QueueItem[]; now: number }> {
  const now = Date.now();
  // The plan's dates are calendar days; the server's UTC day is taken as today's.
  const today = new Date(now).toISOString().slice(0, 10);
  const boards = await guidedBoards(userId, today);
  return { boards, queue: needsNext(boards, today), now };
}
