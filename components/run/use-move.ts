'use client';

import { useCallback, useState } from 'react';
import type { RunView } from '@/lib/run/types';
import type { RunAction } from '@/lib/schemas/run';
import { api, ApiError } from '../browser/api';

/**
 * Sends one move of run mode. The answer is the run as the server has it now; a refused move
 * (someone else moved first, say) shows why and asks for the run again.
 */
export function useMove(
  base: string,
  accept: (answer: { run: RunView | null; now: number }) => void,
  refresh: () => void,
) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const move = useCallback(
    async (action: RunAction, label: string = action.type): Promise<boolean> => {
      setPending(label);
      setError(null);
      try {
        accept(await api<{ run: RunView | null; now: number }>(base, { method: 'POST', body: action }));
        return true;
      } catch (thrown) {
        setError(thrown instanceof ApiError ? thrown.message : 'Something went wrong. Try again.');
        if (thrown instanceof ApiError && thrown.status === 409) refresh();
        return false;
      } finally {
        setPending(null);
      }
    },
    [base, accept, refresh],
  );
  return { move, pending, error, clearError: () => setError(null) };
}
