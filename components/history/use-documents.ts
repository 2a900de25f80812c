'use client';

import { formatDocName } from '@/lib/doc-names';
import type { BoardAbilities } from '@/lib/permissions/abilities';
import { useApiData } from '../hooks/use-api-data';

export type DocKind = 'plan' | 'letters' | 'notes' | 'debrief';

export interface DocOption {
  name: string;
  kind: DocKind;
  label: string;
}

interface LettersEntry {
  ownerId: string;
  ownerName: string;
  docName: string;
}

/**
 * The documents of an attempt whose history this person may read: the shared plan, its
 * debrief, the letters the server lists for them, and the private notes for interventionists. The server
 * checks each document again when its history is asked for.
 */
export function useDocuments(boardId: string, attempt: number, me: { userId: string; abilities: BoardAbilities }) {
  const letters = useApiData<{ letters: LettersEntry[] }>(`/api/boards/${boardId}/attempts/${attempt}/letters`);
  const docs: DocOption[] = [
    { name: formatDocName({ kind: 'plan', boardId, attempt }), kind: 'plan', label: 'Shared plan' },
    // Every member reads the debrief (docAccess): participants write it, viewers read it.
    { name: formatDocName({ kind: 'debrief', boardId, attempt }), kind: 'debrief', label: 'Debrief' },
  ];
  for (const entry of letters.data?.letters ?? []) {
    if (!entry.docName.includes(`/letters/${attempt}/`)) continue;
    docs.push({
      name: entry.docName,
      kind: 'letters',
      label: entry.ownerId === me.userId ? 'Your letters' : `Letters of ${entry.ownerName}`,
    });
  }
  if (me.abilities.notes !== 'none')
    docs.push({
      name: formatDocName({ kind: 'notes', boardId }),
      kind: 'notes',
      label: 'Private notes (only interventionists)',
    });
  return { docs, loading: letters.loading, error: letters.error };
}
