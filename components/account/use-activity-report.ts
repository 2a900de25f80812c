'use client';

import { useEffect } from 'react';
import { api } from '../browser/api';
import { onPersonInput } from './activity';

/**
 * At most one report this often (the server writes "last used" at most every 20 s anyway), and
 * several times within a shared computer's idle limit, however short a test makes it.
 */
const REPORT_EVERY_MS = 30_000;

/**
 * Tells the server the person is using this device: when a page opens, then on their input at
 * most every 30 s. That is the device list's "last used", and what keeps a shared computer's
 * session from ending idle (server/auth/sessions.ts). Background requests never count.
 */
export function useActivityReport(signedIn: boolean, idleSeconds: number): void {
  useEffect(() => {
    if (!signedIn) return;
    const every = Math.min(REPORT_EVERY_MS, (idleSeconds * 1000) / 4);
    let last = -Infinity;
    const report = () => {
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      void api('/api/account/activity', { method: 'POST' }).catch(() => undefined);
    };
    report();
    return onPersonInput(report);
  }, [signedIn, idleSeconds]);
}
