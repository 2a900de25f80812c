'use client';

import { useCallback } from 'react';
import useSWR, { type Middleware, unstable_serialize, useSWRConfig } from 'swr';
import { immutable as immutableMode } from 'swr/immutable';
import type { BoardTopic } from '@/lib/protocol/board-events';
import { api, ApiError } from '@/components/browser/api';
import type { ApiKey } from './api-key';
import { keepImmutable } from './immutable-budget';
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
  /** The answer never changes (a state at a sequence number): SWR's immutable mode, kept for the page's life. */
  immutable?: boolean;
  /** Waits this long after the path changes before asking, unless the answer is already cached. */
  delayMs?: number;
  /** Record topics whose changes make the answer stale: the board channel has it asked again. */
  refreshOn?: readonly BoardTopic[];
  /** Asks again this often while the page is visible (0: never). */
  refreshIntervalMs?: number;
  /** false: while another path loads, show nothing rather than the previous path's answer. */
  keepPrevious?: boolean;
  /** How the answer is read, when it takes more than one GET of `path` (pages, for instance). */
  load?(path: string): Promise<T>;
}

const NO_TOPICS: readonly BoardTopic[] = [];
const NO_MIDDLEWARE: Middleware[] = [];
const IMMUTABLE: Middleware[] = [immutableMode];

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
}

/**
 * GETs `path` (null: nothing to load) through SWR and follows it when it changes. One request
 * per path at a time; the answers are shared by every component asking for the same path.
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
  const { cache } = useSWRConfig();
  const cached = path !== null && cache.get(unstable_serialize({ path, refreshOn }))?.data !== undefined;
  // What is cached is shown at once; only a request waits.
  const settled = useSettledPath(path, cached ? 0 : delayMs);
  const key: ApiKey | null = settled === null ? null : { path: settled, refreshOn };
  const fetcher = async (asked: ApiKey): Promise<T> => {
    const answer = await load(asked.path);
    if (immutable) keepImmutable(cache, unstable_serialize(asked));
    return answer;
  };
  const { data, error, isLoading, isValidating, mutate } = useSWR<T, unknown, ApiKey | null>(key, fetcher, {
    keepPreviousData: keepPrevious,
    refreshInterval: refreshIntervalMs,
    use: immutable ? IMMUTABLE : NO_MIDDLEWARE,
  });
  const revalidate = useCallback(async () => {
    await mutate();
  }, [mutate]);
  const reload = useCallback(() => void mutate(), [mutate]);
  const loading = path !== null && (settled !== path || isLoading);
  return {
    data: data ?? null,
    loading,
    refreshing: !loading && isValidating,
    error: error === undefined ? null : messageOf(error),
    notFound: error instanceof ApiError && error.status === 404,
    reload,
    revalidate,
  };
}
