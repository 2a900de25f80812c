'use client';

import { api } from '@/components/browser/api';
import { useApiData } from '../hooks/use-api-data';
import type { TimelineEntry } from './moments';

const PAGE = 1000;
/** A plan typed over weeks has tens of thousands of changes; the page reads at most this many. */
const MAX_PAGES = 20;

/** The first state a reader may see of letters shared with them, and when they were shared. */
export interface HistoryFrom {
  seq: number;
  at: number;
}

export interface Timeline {
  doc: string | null;
  entries: TimelineEntry[];
  /** Where this person's view of the history starts; null: at the very start. */
  from: HistoryFrom | null;
  /** Asked for, the first time or again ("Check for newer"). */
  loading: boolean;
  error: string | null;
  truncated: boolean;
  reload(): void;
}

const NO_ENTRIES: TimelineEntry[] = [];

interface WholeTimeline {
  entries: TimelineEntry[];
  from: HistoryFrom | null;
  truncated: boolean;
}

/** Every page of `path` (the timeline of one document), oldest first. */
async function readPages(path: string): Promise<WholeTimeline> {
  const entries: TimelineEntry[] = [];
  let from: HistoryFrom | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const afterSeq = entries[entries.length - 1]?.seq ?? 0;
    const result = await api<{ entries: TimelineEntry[]; from: HistoryFrom | null }>(
      `${path}&${new URLSearchParams({ afterSeq: String(afterSeq), limit: String(PAGE) })}`,
    );
    if (page === 0) from = result.from;
    entries.push(...result.entries);
    if (result.entries.length < PAGE) return { entries, from, truncated: false };
  }
  return { entries, from, truncated: true };
}

/** Every logged change of a document (metadata only), page by page, oldest first. */
export function useTimeline(boardId: string, docName: string | null): Timeline {
  const path =
    docName === null ? null : `/api/boards/${boardId}/history/timeline?${new URLSearchParams({ doc: docName })}`;
  const timeline = useApiData(path, { load: readPages, keepPrevious: false });
  return {
    doc: timeline.data ? docName : null,
    entries: timeline.data?.entries ?? NO_ENTRIES,
    from: timeline.data?.from ?? null,
    loading: timeline.loading || timeline.refreshing,
    error: timeline.notFound ? 'You cannot open the history of this document.' : timeline.error,
    truncated: timeline.data?.truncated ?? false,
    reload: timeline.reload,
  };
}
