'use client';

import { createContext, type ReactNode, useContext, useState } from 'react';
import { type ApiDataStore, createApiDataStore } from './api-data-store';
import type { ApiKey } from './api-key';

/*
 * How every useApiData request behaves. Record changes arrive on the board channel, which has
 * the answers that depend on them asked again (and everything of the board when it rejoins
 * after a cut): refetching on focus and on the browser's "online" event would only add
 * requests, and change the timing of the end-to-end tests, so the store does neither. A failed
 * request shows its error with a way to try again rather than retrying behind the page's back.
 */
const StoreContext = createContext<ApiDataStore | null>(null);

function Scope({ children }: { children: ReactNode }) {
  // Made once per mount of the scope: each scope starts with an empty store of its own.
  const [store] = useState(createApiDataStore);
  return <StoreContext value={store}>{children}</StoreContext>;
}

/**
 * The answers of one signed-in person. A family device is often shared: when someone else signs
 * in on the same tab (after a sign-out elsewhere, with no page load), the scope is keyed anew and
 * starts empty, so nothing one person was shown is ever served from memory to another.
 */
export function ApiDataScope({ userId, children }: { userId: string | null; children: ReactNode }) {
  return <Scope key={userId ?? 'signed-out'}>{children}</Scope>;
}

/** The store of the scope around; there is no store outside one (answers belong to a person). */
export function useApiDataStore(): ApiDataStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApiData needs an ApiDataScope around it');
  return store;
}

/**
 * Has every answer whose key `isStale` picks asked again: at once where it is on screen (which
 * keeps showing it meanwhile), when next shown elsewhere. The function is the same for the
 * scope's lifetime.
 */
export function useAskAgain(): (isStale: (key: ApiKey) => boolean) => void {
  return useApiDataStore().askAgain;
}
