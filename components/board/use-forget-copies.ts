'use client';

import { useEffect } from 'react';
import { clearBoardCopies, clearLocalCopies } from '../browser/local-copies';
import type { ChannelStatus } from '../hooks/use-board-channel';

/**
 * When the board channel says this page's access ended, this device's copies go with it: all of
 * them when the session ended (signed out elsewhere, "sign out everywhere", expired, idle), the
 * board's when the person was removed from it or it was deleted. The documents were closed
 * first (the plan unmounts on an ended status), so nothing writes them again.
 */
export function useForgetCopiesOnEnd(status: ChannelStatus, boardId: string, userId: string): void {
  useEffect(() => {
    if (status === 'signed-out') void clearLocalCopies().catch(() => undefined);
    if (status === 'access-lost' || status === 'deleted') void clearBoardCopies(userId, boardId).catch(() => undefined);
  }, [status, boardId, userId]);
}
