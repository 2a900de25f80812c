import type { Role } from '../roles';
import { can } from './rules';

/**
 * Who may do what with one question (a record: docs/realtime.md, "Questions"). The role part is
 * `can`; what a role alone cannot decide (whose question it is, whether the attempt is still
 * open) is decided here, from facts the server read from its records, never from the browser.
 */
export type QuestionAction = 'edit' | 'withdraw' | 'restore' | 'answer';

export interface QuestionFacts {
  /** The caller's role on the board, or null when not a member. */
  role: Role | null;
  /** A frozen attempt is kept for review: its questions no longer change. */
  attemptFrozen: boolean;
}

/** Asking a new question on an attempt. */
export function mayAskQuestion(facts: QuestionFacts): boolean {
  return !facts.attemptFrozen && can(facts.role, 'questions.ask');
}

export function mayActOnQuestion(
  userId: string,
  facts: QuestionFacts,
  action: QuestionAction,
  question: { askedBy: string },
): boolean {
  if (facts.attemptFrozen) return false;
  const own = question.askedBy === userId && can(facts.role, 'questions.ask');
  switch (action) {
    case 'edit':
      return own;
    case 'withdraw':
    case 'restore':
      return own || can(facts.role, 'questions.remove-any');
    case 'answer':
      return can(facts.role, 'questions.answer');
  }
}

/** What the page may offer on one question: the same answers the API will give. */
export function questionAbilities(
  userId: string,
  facts: QuestionFacts,
  question: { askedBy: string },
): Record<Exclude<QuestionAction, 'restore'>, boolean> {
  return {
    edit: mayActOnQuestion(userId, facts, 'edit', question),
    withdraw: mayActOnQuestion(userId, facts, 'withdraw', question),
    answer: mayActOnQuestion(userId, facts, 'answer', question),
  };
}
