'use client';

import { useEffect } from 'react';
import { isSensitiveSection } from '@/lib/plan/sensitive-sections';
import type { SectionId } from '@/lib/plan/sections';
import { api } from '../browser/api';

/**
 * Tells the server that this person opened the board, and each time they open the logistics or
 * the safety plan (server/boards/visits.ts). A failed report is not the person's problem: it is
 * dropped without a word.
 */
export function useVisitLog(boardId: string, section: SectionId | null): void {
  useEffect(() => {
    void api(`/api/boards/${boardId}/visits`, { method: 'POST', body: {} }).catch(() => undefined);
  }, [boardId]);
  useEffect(() => {
    if (section === null || !isSensitiveSection(section)) return;
    void api(`/api/boards/${boardId}/visits`, { method: 'POST', body: { section } }).catch(() => undefined);
  }, [boardId, section]);
}
