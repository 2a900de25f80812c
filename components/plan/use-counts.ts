'use client';

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { listMap } from '@/lib/plan/lists';
import type { ListName } from '@/lib/plan/schema';
import type { SectionId } from '@/lib/plan/sections';

const COUNTED: readonly [SectionId, ListName][] = [
  ['team', 'team'],
  ['bottom-lines', 'bottomLines'],
  ['contingencies', 'contingencies'],
  ['objections', 'objections'],
  ['treatment', 'treatment'],
];

function read(doc: Y.Doc): Partial<Record<SectionId, number>> {
  const counts: Partial<Record<SectionId, number>> = {};
  for (const [section, list] of COUNTED) counts[section] = listMap(doc, list).size;
  return counts;
}

/** How many items each list section holds, for the section menu (questions are records: useQuestionCount). */
export function useCounts(doc: Y.Doc | null): Partial<Record<SectionId, number>> {
  const [counts, setCounts] = useState<Partial<Record<SectionId, number>>>({});
  useEffect(() => {
    if (!doc) return;
    let last = '';
    const update = () => {
      const next = read(doc);
      const key = JSON.stringify(next);
      if (key !== last) {
        last = key;
        setCounts(next);
      }
    };
    update();
    doc.on('afterTransaction', update);
    return () => doc.off('afterTransaction', update);
  }, [doc]);
  return counts;
}
