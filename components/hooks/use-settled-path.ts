'use client';

import { useEffect, useState } from 'react';

/**
 * `path` once it has stayed the same for `delayMs`; until then the one before (null at first).
 * A scrubber sliding across fifty moments thus asks for the one it stops at, not for each.
 * Without a delay (or without a path), `path` itself at once.
 */
export function useSettledPath(path: string | null, delayMs: number): string | null {
  const atOnce = delayMs <= 0 || path === null;
  const [settled, setSettled] = useState(atOnce ? path : null);
  // Adjusted while rendering, not in an effect: a later wait must start from this path, never
  // fall back to an older one.
  if (atOnce && settled !== path) setSettled(path);
  useEffect(() => {
    if (atOnce || settled === path) return;
    const timer = setTimeout(() => setSettled(path), delayMs);
    return () => clearTimeout(timer);
  }, [atOnce, path, settled, delayMs]);
  return atOnce ? path : settled;
}
