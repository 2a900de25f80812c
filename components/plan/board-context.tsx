'use client';

import { createContext, useContext } from 'react';
import type { BoardClientSocket } from '@/lib/protocol/board-events';
import type { Member } from '@/server/boards/members';
import type { Me } from '../board/me';
import type { PresenceUser } from '../hooks/use-synced-doc';
import type { AttemptState } from './attempt-state';

/** Facts about the board and the person, shared by every section. */
export interface BoardContextValue {
  boardId: string;
  attempt: number;
  frozen: boolean;
  /** Open, frozen (a pause that can be lifted) or closed (a later attempt was staged). */
  state: AttemptState;
  me: Me;
  /** The presence identity (name and colour) shown to the others. */
  user: PresenceUser;
  members: Member[];
  socket: BoardClientSocket | null;
  emergency: { number: string; crisisLine: string } | null;
  /** Says something to screen readers (and shows it briefly), optionally with an Undo button. */
  notify(message: string, options?: { undo?: boolean }): void;
}

const BoardContext = createContext<BoardContextValue | null>(null);

export const BoardProvider = BoardContext.Provider;

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard outside a BoardProvider');
  return value;
}
