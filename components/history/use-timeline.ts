'use client';

import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import type { TimelineEntry } from './moments';

const PAGE = 1000;
/** A plan typed over weeks has tens of thousands of changes; the page reads at most this many. */
const MAX_PAGES = 20;

export interface Timeline {
  doc: string | null;
  entries: TimelineEntry[];
  loading: boolean;
  error: string | null;
  truncated: boolean;
  reload(): void;
}

/** Every logged change of a document (metadata only), page by page, oldest first. */
export function useTimeline(boardId: string, docName: string | null): Timeline {
  const [state, setState] = useState<Omit<Timeline, 'reload'>>({ doc: null, entries: [], loading: docName !== null, error: null, truncated: false });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!docName) return;
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    (async () => {
      const entries: TimelineEntry[] = [];
      let truncated = false;
      for (let page = 0; ; page++) {
        if (page === MAX_PAGES) {
          truncated = true;
          break;
        }
        const afterSeq = entries[entries.length - 1]?.seq ?? 0;
        const query = new URLSearchParams({ doc: docName, afterSeq: String(afterSeq), limit: String(PAGE) });
        const result = await api<{ entries: TimelineEntry[] }>(`/api/boards/${boardId}/history/timeline?${query}`);
        entries.push(...result.entries);
        if (result.entries.length < PAGE || !current) break;
      }
      if (current) setState({ doc: docName, entries, loading: false, error: null, truncated });
    })().catch((caught: unknown) => {
      if (!current) return;
      const message =
        caught instanceof ApiError && caught.status === 404
          ? 'You cannot open the history of this document.'
          : caught instanceof ApiError
            ? caught.message
            : 'The history could not be loaded.';
      setState({ doc: docName, entries: [], loading: false, error: message, truncated: false });
    });
    return () => {
      current = false;
    };
  }, [boardId, docName, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
