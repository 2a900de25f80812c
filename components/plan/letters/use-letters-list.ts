'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { LettersEntry } from '@/server/letters/letters';
import { api, ApiError } from '@/components/browser/api';

export interface LettersList {
  entries: LettersEntry[] | null;
  error: string | null;
  refresh(): Promise<void>;
}

/**
 * The letters documents this person may open, as the server decides (GET .../letters). Asked
 * again whenever the board channel says sharing changed, so a shared letter appears live.
 * (An unshared letter disappears because the server closes its socket: see LetterDoc.)
 */
export function useLettersList(boardId: string, attempt: number, socket: Socket | null): LettersList {
  const [entries, setEntries] = useState<LettersEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const result = await api<{ letters: LettersEntry[] }>(`/api/boards/${boardId}/attempts/${attempt}/letters`);
      setEntries(result.letters);
      setError(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not load the letters.');
    }
  }, [boardId, attempt]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (!socket) return;
    const onChanged = (message: { boardId: string; topic?: string }) => {
      if (message.boardId === boardId && (message.topic === 'letters' || message.topic === 'members')) void refresh();
    };
    const onReconnect = () => void refresh();
    socket.on('board:changed', onChanged);
    socket.on('board:role-changed', onReconnect);
    socket.on('connect', onReconnect);
    return () => {
      socket.off('board:changed', onChanged);
      socket.off('board:role-changed', onReconnect);
      socket.off('connect', onReconnect);
    };
  }, [socket, boardId, refresh]);

  return { entries, error, refresh };
}
