'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useAskAgain } from './api-data-scope';
import type { BoardClientSocket, BoardTopic, PresencePerson } from '@/lib/protocol/board-events';
import { createBoardSocket } from '../browser/board-socket';
import { holdOpen } from '../browser/live-connections';
import { isStaleAfter } from './api-key';
import { whenIdle } from './when-idle';

export type { PresencePerson } from '@/lib/protocol/board-events';

export type ChannelStatus = 'connecting' | 'live' | 'offline' | 'access-lost' | 'signed-out' | 'deleted';

/** The board is gone for this page: no more events will come, and what it shows may not be theirs to see. */
export function isChannelEnded(status: ChannelStatus): boolean {
  return status === 'access-lost' || status === 'signed-out' || status === 'deleted';
}

export interface BoardChannelOptions {
  /** Topics of the records this page's server render shows: their changes refresh the route. */
  refreshPageOn?: readonly BoardTopic[];
}

export interface BoardChannel {
  people: PresencePerson[];
  status: ChannelStatus;
  socket: BoardClientSocket | null;
}

const EVERY_TOPIC = () => true;

/**
 * Joins the board's socket.io room. Keeps the list of who is here; when the server says records
 * of a topic changed, has every useApiData answer of this board that depends on that topic asked
 * again, and refreshes the route for the topics in `refreshPageOn`. A change of this person's
 * role refreshes both (what they may see depends on it), and so does each (re)join: changes made
 * while the page was not in the room were not sent to it. The server decides who may join and
 * sends each change only to those who may see it.
 */
export function useBoardChannel(boardId: string, options: BoardChannelOptions = {}): BoardChannel {
  const router = useRouter();
  const askAgainWhere = useAskAgain();
  const [people, setPeople] = useState<PresencePerson[]>([]);
  const [status, setStatus] = useState<ChannelStatus>('connecting');
  // One connection for the page's lifetime, made in the browser only (the server render has
  // none); it connects in the effect below and disconnects when the page leaves the board. It is
  // made once the browser is idle after hydrating (at most a second later): a phone on a poor
  // connection spends its CPU on making the plan editable first, who else is here a moment later.
  const [socket, setSocket] = useState<BoardClientSocket | null>(null);
  useEffect(() => whenIdle(() => setSocket(createBoardSocket())), []);
  // The latest topics, without reconnecting whenever the page re-renders.
  const refreshPageOn = useRef(options.refreshPageOn ?? []);
  useEffect(() => {
    refreshPageOn.current = options.refreshPageOn ?? [];
  }, [options.refreshPageOn]);

  useEffect(() => {
    if (!socket) return;
    const connection = socket;
    const mine = (message: { boardId: string }) => message.boardId === boardId;
    const askAgain = (changed: (topic: BoardTopic) => boolean) =>
      askAgainWhere((key) => isStaleAfter(key, boardId, changed));
    const afterCut = (s: ChannelStatus) => (s === 'live' || s === 'connecting' ? 'offline' : s);
    // Once the board is gone for this page, coming back online must not rejoin it.
    let ended = false;
    const end = (s: ChannelStatus) => {
      ended = true;
      setStatus(s);
    };

    connection.on('connect', () => {
      connection.emit('board:join', { boardId }, (reply) => {
        if (!reply.ok) {
          end('access-lost');
          return;
        }
        setStatus('live');
        askAgain(EVERY_TOPIC);
      });
    });
    // Who is here is known only while connected: a list kept past a cut would show people
    // who may have left long ago.
    const cut = () => {
      setStatus(afterCut);
      setPeople([]);
    };
    connection.on('disconnect', cut);
    connection.on('connect_error', cut);
    // The browser knows at once when the network goes; the socket may take half a minute to
    // notice (a ping timeout). Back online, a fresh connection rejoins and hears who is here.
    const online = () => {
      if (ended) return;
      connection.disconnect();
      connection.connect();
    };
    window.addEventListener('offline', cut);
    window.addEventListener('online', online);
    connection.on('presence', (message) => {
      if (mine(message)) setPeople(message.people);
    });
    connection.on('board:changed', (message) => {
      if (!mine(message)) return;
      askAgain((topic) => topic === message.topic);
      if (refreshPageOn.current.includes(message.topic)) router.refresh();
    });
    connection.on('board:role-changed', (message) => {
      if (!mine(message)) return;
      askAgain(EVERY_TOPIC);
      router.refresh();
    });
    connection.on('board:access-lost', (message) => {
      if (mine(message)) end('access-lost');
    });
    connection.on('board:deleted', (message) => {
      if (mine(message)) end('deleted');
    });
    connection.on('session:ended', () => end('signed-out'));
    connection.connect();
    // Ended once the websocket underneath has finished closing.
    const letGo = holdOpen(() => {
      connection.disconnect();
      return connection.whenClosed();
    });
    return () => {
      letGo();
      window.removeEventListener('offline', cut);
      window.removeEventListener('online', online);
      connection.emit('board:leave', { boardId });
      connection.removeAllListeners();
      connection.disconnect();
    };
  }, [socket, boardId, router, askAgainWhere]);

  return { people, status, socket };
}
