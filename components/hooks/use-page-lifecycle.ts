'use client';

import { useEffect } from 'react';
import { endAllConnections } from '../browser/live-connections';

/**
 * A page the person leaves may be kept, frozen, in the browser's back-forward cache: its
 * connections are ended as it goes (so no socket of a page out of sight stays open, and presence
 * does not show someone who left). When such a page comes back, `onRestore` decides: the page is
 * hidden again, or loaded afresh so that it reconnects with what the server allows now.
 */
export function usePageLifecycle(onRestore: () => void): void {
  useEffect(() => {
    const onHide = () => void endAllConnections();
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) onRestore();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('pageshow', onShow);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('pageshow', onShow);
    };
  }, [onRestore]);
}
