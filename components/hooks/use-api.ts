'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';

export interface Resource<T> {
  /** The last data that loaded; kept while a newer request runs, so the page does not flicker. */
  data: T | null;
  /** A first answer (or one for a new path) is on its way. */
  loading: boolean;
  /** The same request is being asked again (reload); what is on screen stays as it is. */
  refreshing: boolean;
  error: string | null;
  /** Whether the server answered "not found" (a document the caller may not read, or gone). */
  notFound: boolean;
  reload(): void;
}

/**
 * Results of requests that never change (a document's state at a sequence number: the log is
 * append-only) are kept for the page's lifetime, so scrubbing back and forth costs nothing.
 */
const immutableCache = new Map<string, unknown>();
const MAX_CACHED = 200;

function remember(path: string, data: unknown): void {
  if (immutableCache.size >= MAX_CACHED) {
    const oldest = immutableCache.keys().next().value;
    if (oldest !== undefined) immutableCache.delete(oldest);
  }
  immutableCache.set(path, data);
}

/** GETs `path` (null: nothing to load) and follows it when it changes; only the latest answer is kept. */
export function useApi<T>(path: string | null, options: { immutable?: boolean; delayMs?: number } = {}): Resource<T> {
  const { immutable = false, delayMs = 0 } = options;
  const cached = path && immutable ? (immutableCache.get(path) as T | undefined) : undefined;
  const [data, setData] = useState<T | null>(cached ?? null);
  const [loading, setLoading] = useState(path !== null && cached === undefined);
  const [refreshing, setRefreshing] = useState(false);
  const answered = useRef<string | null>(cached === undefined ? null : path);
  const [error, setError] = useState<string | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const hit = immutable ? immutableCache.get(path) : undefined;
    if (hit !== undefined) {
      setData(hit as T);
      setLoading(false);
      setError(null);
      return;
    }
    let current = true;
    const again = answered.current === path;
    if (again) setRefreshing(true);
    else setLoading(true);
    // A short delay lets a scrubber pass over moments without asking the server for each one.
    const timer = setTimeout(() => {
      api<T>(path)
        .then((result) => {
          if (immutable) remember(path, result);
          if (!current) return;
          answered.current = path;
          setData(result);
          setError(null);
          setNotFound(false);
        })
        .catch((caught: unknown) => {
          if (!current) return;
          setError(caught instanceof ApiError ? caught.message : 'Something went wrong. Try again.');
          setNotFound(caught instanceof ApiError && caught.status === 404);
        })
        .finally(() => {
          if (!current) return;
          setLoading(false);
          setRefreshing(false);
        });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [path, immutable, delayMs, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, loading, refreshing, error, notFound, reload };
}
