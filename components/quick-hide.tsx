'use client';

import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { NEUTRAL_PATH } from '@/lib/hidden';
import { isMarkedHidden, markHidden } from './browser/hidden-cookie';
import { endAllConnections } from './browser/live-connections';
import { usePageLifecycle } from './hooks/use-page-lifecycle';
import { NeutralNotes } from './neutral-notes';
import './quick-hide.css';

/** Two presses of Escape within this time hide the screen. */
const DOUBLE_PRESS_MS = 1000;
/** How long the covered page waits for its sockets' closing handshakes before it leaves. */
const CLOSE_WAIT_MS = 500;
const HIDE_EVENT = 'harbor:quick-hide';

/** Hides the screen from anywhere (e.g. a button, for phones that have no Escape key). */
export function requestQuickHide(): void {
  window.dispatchEvent(new Event(HIDE_EVENT));
}

/**
 * The loved one often shares the home and the devices. Pressing Escape twice within a second
 * (or the Hide button) covers everything at once with a plain, empty notes page, then leaves
 * the app for the neutral page at its address:
 * - its live connections (documents and the board channel) are ended, then the page is left;
 * - the address is replaced (location.replace), and while the browser holds the "hidden" cookie
 *   every page of the app redirects to the neutral one (next.config.js): Back, reload or the
 *   app's address show nothing of a board;
 * - the server is told (a request that outlives the page): on a shared or family computer it
 *   ends the session, so that coming back needs the password (server/auth/hide.ts).
 * On one's own device the way back is the neutral page's "Sign in", which offers to continue.
 */
export function QuickHide() {
  const [hidden, setHidden] = useState(false);

  const hide = useCallback(() => {
    // Synchronously, so that nothing of the board is painted once more.
    flushSync(() => setHidden(true));
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    for (const element of Array.from(document.body.children)) {
      if (element instanceof HTMLElement && element.id !== 'quick-hide') {
        element.inert = true;
        element.style.visibility = 'hidden';
      }
    }
    window.getSelection()?.removeAllRanges();
    markHidden();
    void fetch('/api/account/hide', { method: 'POST', keepalive: true, credentials: 'same-origin' }).catch(
      () => undefined,
    );
    // The cover is up: waiting a moment for the sockets to close shows nothing, and a page the
    // browser keeps for Back then holds none open.
    const leave = () => window.location.replace(NEUTRAL_PATH);
    void Promise.race([endAllConnections(), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS))]).then(
      leave,
      leave,
    );
  }, []);

  useEffect(() => {
    let last = -Infinity;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const now = event.timeStamp;
      if (now - last <= DOUBLE_PRESS_MS) {
        last = -Infinity;
        hide();
      } else {
        last = now;
      }
    };
    // Capture phase: an editor or a menu that handles Escape itself cannot swallow it.
    window.addEventListener('keydown', onKey, true);
    window.addEventListener(HIDE_EVENT, hide);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener(HIDE_EVENT, hide);
    };
  }, [hide]);

  // A page the browser kept in its back-forward cache comes back as it was, its connections
  // ended: hidden since, it hides again; otherwise it loads afresh.
  const restore = useCallback(() => {
    if (isMarkedHidden()) hide();
    else window.location.reload();
  }, [hide]);
  usePageLifecycle(restore);

  if (!hidden) return null;
  return (
    <div id="quick-hide" className="quick-hide-screen" data-testid="quick-hide-screen">
      <NeutralNotes />
    </div>
  );
}

/**
 * The button that hides the screen, for phones and for anyone who forgets the keys. It floats
 * in a corner of every page of a signed-in person, so it is in reach wherever they scrolled.
 */
export function QuickHideButton() {
  return (
    <button
      type="button"
      className="quick-hide-button"
      onClick={requestQuickHide}
      aria-keyshortcuts="Escape Escape"
      title="Hide the screen now (or press Esc twice)"
    >
      Hide screen
    </button>
  );
}
