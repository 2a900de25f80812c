import { isId } from '../../lib/ids';
import {
  mayActOnQuestion,
  mayAskQuestion,
  type QuestionAction,
  type QuestionFacts,
  questionAbilities,
} from '../../lib/permissions/questions';
import type { Role } from '../../lib/roles';
import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { publish } from '../events/bus';
import { conflict, forbidden, notFound } from '../http/errors';
import { newId } from '../ids';
import { boardRole } from '../permissions';

/** A busy board asks a few dozen; this bounds what one member can pile onto an attempt. */
export const MAX_QUESTIONS_PER_ATTEMPT = 300;

export interface QuestionPerson {
  userId: string;
  name: string;
}

/** One question as a page shows it; `can` is what this caller may do with it, from the rules. */
export interface QuestionView {
  id: string;
  question: string;
  askedBy: QuestionPerson;
  askedAt: number;
  editedAt: number | null;
  answer: string;
  answeredBy: QuestionPerson | null;
  answeredAt: number | null;
  can: { edit: boolean; withdraw: boolean; answer: boolean };
}

/** Where a question lives and who is asking: the role comes from `requireBoardAction`. */
export interface QuestionScope {
  principal: Principal;
  role: Role;
  boardId: string;
  attempt: { number: number; frozen: boolean };
}

const facts = (scope: QuestionScope): QuestionFacts => ({ role: scope.role, attemptFrozen: scope.attempt.frozen });

/** A refusal says why: a frozen attempt is a state of the board, anything else is the role. */
function refusal(scope: QuestionScope): Error {
  return scope.attempt.frozen
    ? conflict('This attempt is closed: its questions can be read, not changed.')
    : forbidden('Only the person who asked can change a question; only an interventionist answers.');
}

function query(boardId: string, attempt: number) {
  return db()
    .kysely.selectFrom('questions')
    .innerJoin('users as asker', 'asker.id', 'questions.asked_by')
    .leftJoin('users as answerer', 'answerer.id', 'questions.answered_by')
    .select([
      'questions.id',
      'questions.question',
      'questions.asked_by',
      'asker.name as asker_name',
      'questions.created_at',
      'questions.edited_at',
      'questions.answer',
      'questions.answered_by',
      'answerer.name as answerer_name',
      'questions.answered_at',
      'questions.withdrawn_at',
    ])
    .where('questions.board_id', '=', boardId)
    .where('questions.attempt', '=', attempt);
}

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirst']>>>;

function view(scope: QuestionScope, row: Row): QuestionView {
  return {
    id: row.id,
    question: row.question,
    askedBy: { userId: row.asked_by, name: row.asker_name },
    askedAt: row.created_at,
    editedAt: row.edited_at,
    answer: row.answer,
    answeredBy: row.answered_by !== null ? { userId: row.answered_by, name: row.answerer_name ?? 'Someone' } : null,
    answeredAt: row.answered_at,
    can: questionAbilities(scope.principal.userId, facts(scope), { askedBy: row.asked_by }),
  };
}

/** The attempt's questions in the order they were asked; withdrawn ones are not listed. */
export async function listQuestions(scope: QuestionScope): Promise<QuestionView[]> {
  const rows = await query(scope.boardId, scope.attempt.number)
    .where('questions.withdrawn_at', 'is', null)
    .orderBy('questions.created_at')
    .orderBy('questions.id')
    .execute();
  return rows.map((row) => view(scope, row));
}

/** One question the caller may act on; unknown ids (and other boards' questions) are "not found". */
async function requireQuestion(scope: QuestionScope, id: string, action: QuestionAction): Promise<Row> {
  if (!isId(id)) throw notFound('That question');
  const row = await query(scope.boardId, scope.attempt.number).where('questions.id', '=', id).executeTakeFirst();
  // A withdrawn question exists only for the undo that brings it back.
  if (!row || (row.withdrawn_at !== null) !== (action === 'restore')) throw notFound('That question');
  if (!mayActOnQuestion(scope.principal.userId, facts(scope), action, { askedBy: row.asked_by })) throw refusal(scope);
  return row;
}

async function reread(scope: QuestionScope, id: string): Promise<QuestionView> {
  const row = await query(scope.boardId, scope.attempt.number).where('questions.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('That question');
  return view(scope, row);
}

/** Tells open pages to ask again, and keeps a trace (without the words) in the audit log. */
async function changed(scope: QuestionScope, id: string, change: string): Promise<void> {
  const { principal, boardId } = scope;
  await audit({
    action: `question.${change}`,
    userId: principal.userId,
    boardId,
    detail: { attempt: scope.attempt.number, questionId: id },
  });
  publish({
    type: 'board-changed',
    boardId,
    topic: 'questions',
    audience: { kind: 'board' },
    detail: { attempt: scope.attempt.number, questionId: id, change },
  });
}

export async function askQuestion(scope: QuestionScope, question: string): Promise<QuestionView> {
  if (!mayAskQuestion(facts(scope))) throw refusal(scope);
  const { principal, boardId } = scope;
  const count = await db()
    .kysely.selectFrom('questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('board_id', '=', boardId)
    .where('attempt', '=', scope.attempt.number)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_QUESTIONS_PER_ATTEMPT)
    throw conflict('This attempt has as many questions as it can hold. Withdraw answered ones first.');
  const id = newId();
  await db()
    .kysely.insertInto('questions')
    .values({
      id,
      board_id: boardId,
      attempt: scope.attempt.number,
      asked_by: principal.userId,
      question,
      answer: '',
      answered_by: null,
      answered_at: null,
      created_at: Date.now(),
      edited_at: null,
      withdrawn_at: null,
      withdrawn_by: null,
    })
    .execute();
  await changed(scope, id, 'asked');
  // Who asked, never what: a notice can show on a screen someone else is looking at.
  publish({
    type: 'notify',
    boardId,
    to: { kind: 'interventionists', except: principal.userId },
    kind: 'question-asked',
    from: principal.name,
  });
  return reread(scope, id);
}

export async function editQuestion(scope: QuestionScope, id: string, question: string): Promise<QuestionView> {
  const row = await requireQuestion(scope, id, 'edit');
  if (row.question !== question) {
    await db().kysely.updateTable('questions').set({ question, edited_at: Date.now() }).where('id', '=', id).execute();
    await changed(scope, id, 'edited');
  }
  return reread(scope, id);
}

export async function answerQuestion(scope: QuestionScope, id: string, answer: string): Promise<QuestionView> {
  const row = await requireQuestion(scope, id, 'answer');
  if (row.answer === answer) return reread(scope, id);
  const { principal, boardId } = scope;
  const answered = answer !== '';
  await db()
    .kysely.updateTable('questions')
    .set({
      answer,
      answered_by: answered ? principal.userId : null,
      answered_at: answered ? Date.now() : null,
    })
    .where('id', '=', id)
    .execute();
  await changed(scope, id, answered ? 'answered' : 'reopened');
  // The asker hears of a new answer (not of every correction), if they are still on the board.
  const firstAnswer = answered && row.answer === '';
  if (firstAnswer && row.asked_by !== principal.userId && (await boardRole(row.asked_by, boardId)) !== null) {
    publish({
      type: 'notify',
      boardId,
      to: { kind: 'user', userId: row.asked_by },
      kind: 'question-answered',
      from: principal.name,
    });
  }
  return reread(scope, id);
}

/** Withdrawn, not deleted: the person (or the interventionist) can undo it. */
export async function withdrawQuestion(scope: QuestionScope, id: string): Promise<void> {
  await requireQuestion(scope, id, 'withdraw');
  await db()
    .kysely.updateTable('questions')
    .set({ withdrawn_at: Date.now(), withdrawn_by: scope.principal.userId })
    .where('id', '=', id)
    .execute();
  await changed(scope, id, 'withdrawn');
}

export async function restoreQuestion(scope: QuestionScope, id: string): Promise<QuestionView> {
  await requireQuestion(scope, id, 'restore');
  await db()
    .kysely.updateTable('questions')
    .set({ withdrawn_at: null, withdrawn_by: null })
    .where('id', '=', id)
    .execute();
  await changed(scope, id, 'restored');
  return reread(scope, id);
}
