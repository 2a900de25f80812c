'use client';

import { useCallback, useState } from 'react';

/**
 * Local state that starts as `source` and goes back to it whenever `source` changes (a new
 * attempt staged, someone else's saved answer), while the person may still change it locally
 * in between. The reset happens during render, as React advises, not in an effect that would
 * first paint the stale value.
 */
export function useFollowing<T>(source: T): [T, (value: T) => void] {
  const [state, setState] = useState({ source, value: source });
  const set = useCallback((value: T) => setState((current) => ({ source: current.source, value })), []);
  if (!Object.is(state.source, source)) {
    setState({ source, value: source });
    return [source, set];
  }
  return [state.value, set];
}
