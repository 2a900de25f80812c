'use client';

import type { LetterName } from '@/lib/records';
import type { LetterReview } from '@/server/letters/reviews';
import { useApiData } from '../hooks/use-api-data';

export interface Reviews {
  /** Every review this person may see (of their own letters, or all for an interventionist); null while loading. */
  list: LetterReview[] | null;
  of(ownerId: string, letter: LetterName): LetterReview | null;
  reload(): void;
}

/**
 * The attempt's letter reviews, asked again whenever the board channel says letters changed (a
 * letter sent, a review decided): every component asking shares one request.
 */
export function useReviews(boardId: string, attempt: number, enabled: boolean): Reviews {
  const reviews = useApiData<{ reviews: LetterReview[] }>(
    enabled ? `/api/boards/${boardId}/attempts/${attempt}/reviews` : null,
    { refreshOn: ['letters'] },
  );
  const list = reviews.data?.reviews ?? null;
  return {
    list,
    of: (ownerId, letter) => list?.find((r) => r.ownerId === ownerId && r.letter === letter) ?? null,
    reload: reviews.reload,
  };
}
