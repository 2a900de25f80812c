'use client';

import { type CSSProperties, useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** Two presses of Escape within this time hide the screen. */
const DOUBLE_PRESS_MS = 1000;
const HIDE_EVENT = 'harbor:quick-hide';

/** Hides the screen from anywhere (e.g. a button, for phones that have no Escape key). */
export function requestQuickHide(): void {
  window.dispatchEvent(new Event(HIDE_EVENT));
}

const screen: CSSProperties = {
  position: 'fixed',
  inset: 0,
  zIndex: 2147483647,
  background: '#ffffff',
  color: '#3c4043',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  padding: '28px 24px',
  overflow: 'hidden',
};

/**
 * The loved one often shares the home and the devices. Pressing Escape twice within a second
 * (or the Hide button) covers everything at once with a plain, empty notes page, and makes the
 * page underneath invisible and unreachable by keyboard and screen readers. Coming back needs nothing more
 * than the normal session: reload the page or open the app again.
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

  if (!hidden) return null;
  return (
    <div id="quick-hide" style={screen} data-testid="quick-hide-screen">
      <div style={{ maxWidth: 640, margin: '0 auto' }}>
        <p style={{ fontSize: 22, fontWeight: 600, margin: '0 0 20px' }}>Notes</p>
        <div style={{ borderTop: '1px solid #e3e3e3', paddingTop: 16, color: '#80868b', fontSize: 15 }}>No notes</div>
      </div>
    </div>
  );
}

/** A small button that hides the screen, for phones and for anyone who forgets the keys. */
export function QuickHideButton() {
  return (
    <button
      type="button"
      className="button button-secondary button-small quick-hide-button"
      onClick={requestQuickHide}
      aria-keyshortcuts="Escape Escape"
      title="Hide the screen now (or press Esc twice)"
    >
      Hide screen
    </button>
  );
}
