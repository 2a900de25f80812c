'use client';

import type { ReactNode } from 'react';
import type { Debrief } from '@/lib/schemas/debrief';
import { useDebrief } from './use-debrief';

/**
 * Reads an earlier attempt's debrief along (no presence, no copy on this device) for whatever
 * shows it: its lessons at the top of the next attempt, its refusal on the review page. A
 * component rather than a hook, so that a page with one attempt opens no such document.
 */
export function PreviousDebrief({
  boardId,
  attempt,
  me,
  children,
}: {
  boardId: string;
  attempt: number;
  me: { userId: string; name: string };
  children(debrief: Debrief, loaded: boolean): ReactNode;
}) {
  const { synced, debrief } = useDebrief(boardId, attempt, me, true, true);
  return <>{children(debrief, synced.loaded)}</>;
}
