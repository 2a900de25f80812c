'use client';

import { useEffect } from 'react';
import { isSensitiveSection } from '@/lib/plan/sensitive-sections';
import type { SectionId } from '@/lib/plan/sections';
import { api } from '../browser/api';

/**
 * Tells the server each time this person opens the logistics or the safety plan
 * (server/boards/visits.ts; opening the board itself is recorded by the page's server render). A
 * failed report is not the person's problem: it is dropped without a word.
 */
export function useVisitLog(boardId: string, section: SectionId | null): void {
  useEffect(() => {
    if (section === null || !isSensitiveSection(section)) return;
    void api(`/api/boards/${boardId}/visits`, { method: 'POST', body: { section } }).catch(() => undefined);
  }, [boardId, section]);
}
