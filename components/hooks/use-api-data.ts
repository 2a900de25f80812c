'use client';

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { BoardTopic } from '@/lib/protocol/board-events';
import { api, ApiError } from '@/components/browser/api';
import { useApiDataStore } from './api-data-scope';
import { NOTHING } from './api-data-store';
import { isPageActive } from './page-active';
import { useSettledPath } from './use-settled-path';

export interface ApiData<T> {
  /** The last answer; while another path loads, the previous one (unless `keepPrevious` is false). */
  data: T | null;
  /** A first answer for this path is on its way (or waits out `delayMs`). */
  loading: boolean;
  /** The same path is being asked again; what is on screen stays as it is. */
  refreshing: boolean;
  /** A readable message (the server's, from ApiError) when the last request failed. */
  error: string | null;
  /** The server answered "not found" (something the caller may not read, or gone). */
  notFound: boolean;
  /** Asks again: a "Try again" button, or after a POST or PUT changed what the path returns. */
  reload(): void;
  /** Like reload, resolving once the new answer (or failure) is in. */
  revalidate(): Promise<void>;
}

export interface ApiDataOptions<T> {
  /** The answer never changes (a state at a sequence number): asked once, kept for the page's life. */
  immutable?: boolean;
  /** Waits this long after the path changes before asking, unless the answer is already cached. */
  delayMs?: number;
  /** Record topics whose changes make the answer stale: the board channel has it asked again. */
  refreshOn?: readonly BoardTopic[];
  /** Asks again this often while the page is visible and online (0: never). */
  refreshIntervalMs?: number;
  /** false: while another path loads, show nothing rather than the previous path's answer. */
  keepPrevious?: boolean;
  /** How the answer is read, when it takes more than one GET of `path` (pages, for instance). */
  load?(path: string): Promise<T>;
}

const NO_TOPICS: readonly BoardTopic[] = [];
const SERVER_STATE = () => NOTHING;

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
}

/**
 * GETs `path` (null: nothing to load) through the scope's store (api-data-store.ts) and follows
 * it when it changes. One request per path at a time; the answers are shared by every component
 * asking for the same path. A component showing a path asks it again as it mounts (unless it was
 * answered just now, or is immutable and answered), showing the cached answer meanwhile.
 */
export function useApiData<T>(path: string | null, options: ApiDataOptions<T> = {}): ApiData<T> {
  const {
    immutable = false,
    delayMs = 0,
    refreshOn = NO_TOPICS,
    refreshIntervalMs = 0,
    keepPrevious = true,
    load = api<T>,
  } = options;
  const store = useApiDataStore();
  const cached = path !== null && store.peek({ path, refreshOn }).data !== undefined;
  // What is cached is shown at once; only a request waits.
  const settled = useSettledPath(path, cached ? 0 : delayMs);
  // The same object for as long as the store keeps the key.
  const entry = settled === null ? null : store.entry({ path: settled, refreshOn });
  const watch = useCallback(
    (listener: () => void) => (entry ? store.watch(entry, listener) : () => undefined),
    [store, entry],
  );
  const state = useSyncExternalStore(watch, () => entry?.state ?? NOTHING, SERVER_STATE);
  // How to ask, as of the last render, without restarting the effects below when it changes.
  const how = useRef({ load, immutable });
  useEffect(() => {
    how.current = { load, immutable };
  });
  const ask = useCallback(
    async (dedupe: boolean) => {
      if (entry) await store.ask(entry, how.current.load, { immutable: how.current.immutable, dedupe });
    },
    [store, entry],
  );
  useEffect(() => {
    void ask(true);
  }, [ask]);
  useEffect(() => {
    if (!entry || refreshIntervalMs <= 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    // The next tick counts from the answer; none while the last request failed (its error shows).
    const next = () => {
      if (!stopped) timer = setTimeout(tick, refreshIntervalMs);
    };
    const tick = () => {
      if (entry.state.error === undefined && isPageActive()) void ask(true).then(next);
      else next();
    };
    next();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [entry, ask, refreshIntervalMs]);
  const revalidate = useCallback(() => ask(false), [ask]);
  const reload = useCallback(() => void ask(false), [ask]);

  const current = state.data as T | undefined;
  // The last answer shown, for while another path loads (kept while rendering, as useSettledPath does).
  const [previous, setPrevious] = useState(current);
  if (current !== undefined && current !== previous) setPrevious(current);
  const data = current !== undefined ? current : keepPrevious ? previous : undefined;
  const { error } = state;
  const loading =
    path !== null && (settled !== path || (current === undefined && (state.asking || error === undefined)));
  return {
    data: data ?? null,
    loading,
    refreshing: !loading && state.asking,
    error: error === undefined ? null : messageOf(error),
    notFound: error instanceof ApiError && error.status === 404,
    reload,
    revalidate,
  };
}
