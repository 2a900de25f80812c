'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { Role } from '@/lib/roles';

export interface PresencePerson {
  userId: string;
  name: string;
  role: Role;
  section: string | null;
}

export type ChannelStatus = 'connecting' | 'live' | 'offline' | 'access-lost' | 'signed-out' | 'deleted';

/**
 * Joins the board's socket.io room: keeps the list of who is here, and refreshes the page's
 * server-rendered records (members, invites) when the server says they changed.
 */
export function useBoardChannel(boardId: string): { people: PresencePerson[]; status: ChannelStatus; socket: Socket | null } {
  const router = useRouter();
  const [people, setPeople] = useState<PresencePerson[]>([]);
  const [status, setStatus] = useState<ChannelStatus>('connecting');
  const [socket, setSocket] = useState<Socket | null>(null);

  useEffect(() => {
    const connection = io({ path: '/socket.io/', transports: ['websocket'] });
    setSocket(connection);
    const join = () =>
      connection.emit('board:join', { boardId }, (reply: { ok: boolean }) => {
        setStatus(reply.ok ? 'live' : 'access-lost');
      });
    connection.on('connect', join);
    connection.on('disconnect', () => setStatus((s) => (s === 'live' || s === 'connecting' ? 'offline' : s)));
    connection.on('connect_error', () => setStatus((s) => (s === 'live' || s === 'connecting' ? 'offline' : s)));
    connection.on('presence', (message: { boardId: string; people: PresencePerson[] }) => {
      if (message.boardId === boardId) setPeople(message.people);
    });
    connection.on('board:changed', (message: { boardId: string }) => {
      if (message.boardId === boardId) router.refresh();
    });
    connection.on('board:role-changed', (message: { boardId: string }) => {
      if (message.boardId === boardId) router.refresh();
    });
    connection.on('board:access-lost', (message: { boardId: string }) => {
      if (message.boardId === boardId) setStatus('access-lost');
    });
    connection.on('board:deleted', (message: { boardId: string }) => {
      if (message.boardId === boardId) setStatus('deleted');
    });
    connection.on('session:ended', () => setStatus('signed-out'));
    return () => {
      connection.emit('board:leave', { boardId });
      connection.close();
    };
  }, [boardId, router]);

  return { people, status, socket };
}
