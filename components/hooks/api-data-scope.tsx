'use client';

import type { ReactNode } from 'react';
import { type Cache, SWRConfig, type SWRConfiguration } from 'swr';

/**
 * How every useApiData request behaves. Record changes arrive on the board channel, which has
 * the answers that depend on them asked again (and everything of the board when it rejoins
 * after a cut): SWR's own refetching on focus and on the browser's "online" event would only
 * add requests, and change the timing of the end-to-end tests. A failed request shows its error
 * with a way to try again rather than retrying behind the page's back.
 */
const OPTIONS: SWRConfiguration & { provider(): Cache } = {
  revalidateOnFocus: false,
  revalidateOnReconnect: false,
  shouldRetryOnError: false,
  // Called once per mount of the scope: each scope starts with an empty cache of its own.
  provider: () => new Map(),
};

/**
 * The answers of one signed-in person. A family device is often shared: when someone else signs
 * in on the same tab (after a sign-out elsewhere, with no page load), the scope is keyed anew and
 * starts empty, so nothing one person was shown is ever served from memory to another.
 */
export function ApiDataScope({ userId, children }: { userId: string | null; children: ReactNode }) {
  return (
    <SWRConfig key={userId ?? 'signed-out'} value={OPTIONS}>
      {children}
    </SWRConfig>
  );
}
