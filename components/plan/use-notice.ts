'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export interface Notice {
  id: number;
  message: string;
  undo: boolean;
}

const NOTICE_MS = 7000;

/** A short message (e.g. "Removed … Undo") that fades after a few seconds. */
export function useNotice(): [Notice | null, (message: string, options?: { undo?: boolean }) => void, () => void] {
  const [notice, setNotice] = useState<Notice | null>(null);
  const counter = useRef(0);
  const notify = useCallback((message: string, options?: { undo?: boolean }) => {
    counter.current += 1;
    setNotice({ id: counter.current, message, undo: options?.undo ?? false });
  }, []);
  const dismiss = useCallback(() => setNotice(null), []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice((current) => (current?.id === notice.id ? null : current)), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, notify, dismiss];
}
