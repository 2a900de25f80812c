'use client';

import { endSession } from '../browser/sign-out';
import { useEffect } from 'react';
import { api } from '../browser/api';
import { onPersonInput } from './activity';

/** Another tab's activity may have kept the session alive: asked again rather than ended. */
const STILL_ALIVE_MS = 1000;

/**
 * On a shared or family computer the session ends after `idleSeconds` without use. The server
 * refuses it from then on (and its sockets are cut at the next heartbeat); this makes the page
 * itself go at once: at the deadline it asks the server how long is left (another tab may have
 * been in use), and if nothing is, blanks the screen, signs out and opens the sign-in page.
 */
export function useSharedIdle(shared: boolean, idleSeconds: number): void {
  useEffect(() => {
    if (!shared) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ended = false;
    const end = () => {
      ended = true;
      document.documentElement.style.visibility = 'hidden';
      void endSession()
        .catch(() => undefined)
        .finally(() => window.location.replace('/signin?ended=idle'));
    };
    const check = async () => {
      try {
        const { msLeft } = await api<{ msLeft: number }>('/api/account/activity');
        if (msLeft > STILL_ALIVE_MS) return schedule(msLeft);
      } catch {
        // Signed out already, or unreachable: either way the session is not to be trusted here.
      }
      end();
    };
    const schedule = (ms: number) => {
      clearTimeout(timer);
      if (!ended) timer = setTimeout(() => void check(), ms);
    };
    schedule(idleSeconds * 1000);
    const stop = onPersonInput(() => schedule(idleSeconds * 1000));
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [shared, idleSeconds]);
}
