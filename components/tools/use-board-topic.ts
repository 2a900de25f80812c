'use client';

import { useEffect } from 'react';
import type { Socket } from 'socket.io-client';

/** Calls `refresh` whenever the server says records of this topic changed on this board. */
export function useBoardTopic(socket: Socket | null, boardId: string, topic: string, refresh: () => void): void {
  useEffect(() => {
    if (!socket) return;
    const onChanged = (message: { boardId: string; topic: string }) => {
      if (message.boardId === boardId && message.topic === topic) refresh();
    };
    socket.on('board:changed', onChanged);
    return () => {
      socket.off('board:changed', onChanged);
    };
  }, [socket, boardId, topic, refresh]);
}
