'use client';

import type { LettersEntry } from '@/server/letters/letters';
import { useApiData } from '../../hooks/use-api-data';

export interface LettersList {
  entries: LettersEntry[] | null;
  error: string | null;
  refresh(): Promise<void>;
}

/**
 * The letters documents this person may open, as the server decides (GET .../letters). Asked
 * again whenever the board channel says sharing or membership changed (and when this person's
 * role changes or the channel rejoins), so a shared letter appears live. (An unshared letter
 * disappears because the server closes its socket: see LetterDoc.)
 */
export function useLettersList(boardId: string, attempt: number): LettersList {
  const list = useApiData<{ letters: LettersEntry[] }>(`/api/boards/${boardId}/attempts/${attempt}/letters`, {
    refreshOn: ['letters', 'members'],
  });
  return { entries: list.data?.letters ?? null, error: list.error, refresh: list.revalidate };
}
