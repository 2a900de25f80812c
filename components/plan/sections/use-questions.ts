'use client';

import type { QuestionView } from '@/server/questions/questions';
import { useApiData } from '../../hooks/use-api-data';

const REFRESH_ON = ['questions'] as const;

export interface QuestionList {
  questions: QuestionView[];
  /** Whether this person may ask here now (a participant, on an attempt that is still open). */
  canAsk: boolean;
}

export function questionsPath(boardId: string, attempt: number): string {
  return `/api/boards/${boardId}/attempts/${attempt}/questions`;
}

/**
 * An attempt's questions, as the server lists them for this person (with what they may do on
 * each), asked again whenever the board channel says a question changed.
 */
export function useQuestions(boardId: string, attempt: number) {
  return useApiData<QuestionList>(questionsPath(boardId, attempt), { refreshOn: REFRESH_ON });
}

/** For the section menu: how many questions there are (the section's own request, shared through the store). */
export function useQuestionCount(boardId: string, attempt: number): number | undefined {
  return useQuestions(boardId, attempt).data?.questions.length;
}
