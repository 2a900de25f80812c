'use client';

import { useEffect } from 'react';
import { keepOnlyCopiesOf } from '../browser/local-copies';
import { useActivityReport } from './use-activity-report';
import { useSharedIdle } from './use-shared-idle';

export interface DeviceGuardProps {
  /** The signed-in person, or null. */
  userId: string | null;
  /** Their session is a shared or family computer's. */
  shared: boolean;
  /** The boards they are on now: copies of any other are left from a removal or a deletion. */
  boardIds: readonly string[];
  idleSeconds: number;
}

/**
 * What every page does for the family computer (docs/security.md): reports the person's use,
 * ends an idle shared computer's session, and deletes local copies that no longer belong here:
 * anyone's when nobody is signed in (a session that ended elsewhere), another person's, and the
 * signed-in person's copies of boards they are no longer on. A shared computer keeps none.
 */
export function DeviceGuard({ userId, shared, boardIds, idleSeconds }: DeviceGuardProps) {
  useActivityReport(userId !== null, idleSeconds);
  useSharedIdle(shared, idleSeconds);
  const boards = boardIds.join(' ');
  useEffect(() => {
    void keepOnlyCopiesOf(shared ? null : userId, boards === '' ? [] : boards.split(' ')).catch(() => undefined);
  }, [userId, shared, boards]);
  return null;
}
