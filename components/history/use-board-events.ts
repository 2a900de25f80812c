'use client';

import { useEffect, useRef, useState } from 'react';
import { io } from 'socket.io-client';

export type EventsStatus = 'connecting' | 'live' | 'offline' | 'ended';

export interface BoardChange {
  topic: string;
  detail: unknown;
}

/**
 * Listens to the board's socket.io room for record changes (versions, debrief, attempts) so
 * that what this page shows follows what others save. The server decides who may join, and
 * sends a change only to those who may see it.
 */
export function useBoardEvents(boardId: string, onChange: (change: BoardChange) => void): EventsStatus {
  const [status, setStatus] = useState<EventsStatus>('connecting');
  // The latest handler, without reconnecting whenever the page re-renders.
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const socket = io({ path: '/socket.io/', transports: ['websocket'] });
    const mine = (message: { boardId?: string }) => message.boardId === boardId;
    socket.on('connect', () => {
      socket.emit('board:join', { boardId }, (reply: { ok: boolean }) => setStatus(reply.ok ? 'live' : 'ended'));
    });
    const lost = () => setStatus((s) => (s === 'ended' ? s : 'offline'));
    socket.on('disconnect', lost);
    socket.on('connect_error', lost);
    socket.on('board:changed', (message: { boardId?: string; topic?: string; detail?: unknown }) => {
      if (mine(message) && typeof message.topic === 'string') handler.current({ topic: message.topic, detail: message.detail });
    });
    socket.on('board:role-changed', (message: { boardId?: string }) => {
      if (mine(message)) handler.current({ topic: 'role', detail: null });
    });
    for (const ending of ['board:access-lost', 'board:deleted']) {
      socket.on(ending, (message: { boardId?: string }) => {
        if (mine(message)) setStatus('ended');
      });
    }
    socket.on('session:ended', () => setStatus('ended'));
    return () => {
      socket.emit('board:leave', { boardId });
      socket.close();
    };
  }, [boardId]);

  return status;
}
