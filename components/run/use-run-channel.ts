'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { createBoardSocket } from '@/components/browser/board-socket';
import type { BoardClientSocket, RunChannelMessage } from '@/lib/protocol/board-events';
import type { RunState, RunView, SignalView } from '@/lib/run/types';
import type { RunSheet } from './run-types';

export type RunLink = 'connecting' | 'live' | 'offline' | 'ended';

interface RunAnswer {
  run: RunView | null;
  now: number;
}

/** Newer wins: a state from an older run, or an older state of this run, is ignored. */
function newerState(known: RunState | null, incoming: RunState): boolean {
  if (!known) return true;
  if (known.runId !== incoming.runId) return incoming.startedAt >= known.startedAt;
  return incoming.seq >= known.seq || incoming.endedAt !== null;
}

function newerSignal(known: SignalView | null, incoming: SignalView | null): SignalView | null {
  if (incoming === null || known === null) return incoming;
  return incoming.seq >= known.seq ? incoming : known;
}

export interface RunChannel {
  view: RunView | null;
  sheet: RunSheet;
  link: RunLink;
  /** Server time minus this phone's, ms: timers count on the server's clock. */
  offset: number;
  /** A move was answered: what the server says now. */
  accept(answer: RunAnswer): void;
  /** Asks the server for the run (after a refused move, say). */
  refresh(): void;
}

/**
 * Run mode's live connection: the board channel's `run` messages (the state to everyone, signals
 * to the team, requests to step out to the interventionists), and on every (re)connection the run
 * and the sheet asked again over HTTP, so a phone that was offline catches up. While it is
 * offline nothing is cleared: the page keeps what it had, the running order and the safety plan.
 */
export function useRunChannel(
  boardId: string,
  attempt: number,
  initialSheet: RunSheet,
  initial: RunAnswer,
): RunChannel {
  const [view, setView] = useState<RunView | null>(initial.run);
  const [sheet, setSheet] = useState<RunSheet>(initialSheet);
  const [link, setLink] = useState<RunLink>('connecting');
  const [offset, setOffset] = useState(() => initial.now - Date.now());
  const base = `/api/boards/${boardId}/attempts/${attempt}/run`;
  const alive = useRef(true);

  const accept = useCallback((answer: RunAnswer) => {
    setOffset(answer.now - Date.now());
    setView((known) => {
      if (answer.run === null) return known;
      if (!known || newerState(known.state, answer.run.state)) return answer.run;
      return { ...known, signal: newerSignal(known.signal, answer.run.signal) };
    });
  }, []);

  const refresh = useCallback(() => {
    void fetch(base, { credentials: 'same-origin' })
      .then((response) => (response.ok ? (response.json() as Promise<RunAnswer>) : null))
      .then((answer) => {
        if (answer && alive.current) accept(answer);
      })
      .catch(() => undefined);
  }, [base, accept]);

  const refreshSheet = useCallback(() => {
    void fetch(`${base}/sheet`, { credentials: 'same-origin' })
      .then((response) => (response.ok ? (response.json() as Promise<{ sheet: RunSheet }>) : null))
      .then((answer) => {
        if (answer && alive.current) setSheet(answer.sheet);
      })
      .catch(() => undefined);
  }, [base]);

  useEffect(() => {
    alive.current = true;
    // Retries at most every 2 s: a phone back online should not wait the default 5 s.
    const socket: BoardClientSocket = createBoardSocket({ reconnectionDelayMaxMs: 2000 });
    const mine = (message: { boardId: string }) => message.boardId === boardId;
    socket.on('connect', () => {
      socket.emit('board:join', { boardId }, (reply) => {
        if (!reply.ok) return setLink('ended');
        setLink('live');
        // Whatever happened while this phone was away is asked for again.
        refresh();
        refreshSheet();
      });
    });
    socket.on('disconnect', () => setLink((now) => (now === 'ended' ? now : 'offline')));
    socket.on('connect_error', () => setLink((now) => (now === 'ended' ? now : 'offline')));
    socket.on('run', (message: RunChannelMessage) => {
      if (!mine(message) || message.attempt !== attempt) return;
      setOffset(message.now - Date.now());
      if (message.kind === 'state') {
        const incoming = message.state;
        setView((known) => {
          if (known && !newerState(known.state, incoming)) return known;
          const sameRun = known?.state.runId === incoming.runId;
          return {
            state: incoming,
            signal: sameRun && incoming.endedAt === null ? known.signal : null,
            stepOuts: sameRun ? known.stepOuts : [],
          };
        });
        // A run starting (or the plan it reads changing shape) brings the sheet up to date.
        if (incoming.seq === 1) refreshSheet();
      } else if (message.kind === 'signal') {
        setView((known) =>
          known && known.state.runId === message.runId
            ? { ...known, signal: newerSignal(known.signal, message.signal) }
            : known,
        );
      } else {
        setView((known) =>
          known && known.state.runId === message.runId && !known.stepOuts.some((s) => s.seq === message.stepOut.seq)
            ? { ...known, stepOuts: [...known.stepOuts, message.stepOut] }
            : known,
        );
      }
    });
    socket.on('board:changed', (message) => {
      // Letters shared, reviewed or unshared, or the attempt frozen: what the sheet may show changed.
      if (mine(message) && (message.topic === 'letters' || message.topic === 'attempts')) refreshSheet();
    });
    const end = (message: { boardId: string }) => {
      if (mine(message)) setLink('ended');
    };
    socket.on('board:access-lost', end);
    socket.on('board:deleted', end);
    socket.on('session:ended', () => setLink('ended'));
    // A phone that drops off the network may keep a dead socket for a while (until the next
    // heartbeat): the browser's word is taken at once, the socket dropped, and a fresh one made as
    // soon as the network is back, which then asks for everything it missed.
    const goneOffline = () => {
      setLink((now) => (now === 'ended' ? now : 'offline'));
      socket.dropTransport();
    };
    const backOnline = () => {
      if (socket.connected) return;
      socket.disconnect();
      socket.connect();
    };
    window.addEventListener('offline', goneOffline);
    window.addEventListener('online', backOnline);
    socket.connect();
    return () => {
      window.removeEventListener('offline', goneOffline);
      window.removeEventListener('online', backOnline);
      alive.current = false;
      socket.emit('board:leave', { boardId });
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [boardId, attempt, refresh, refreshSheet]);

  return { view, sheet, link, offset, accept, refresh };
}
