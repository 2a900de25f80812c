'use client';

import { useApiData } from '../hooks/use-api-data';

export interface NamedVersion {
  id: string;
  attempt: number;
  label: string;
  at: number;
  createdByName: string | null;
}

/** The board's named versions (labels on a moment), asked again when someone adds or removes one. */
export function useVersions(boardId: string) {
  const resource = useApiData<{ versions: NamedVersion[] }>(`/api/boards/${boardId}/versions`, {
    refreshOn: ['versions'],
  });
  return { versions: resource.data?.versions ?? [], error: resource.error, reload: resource.reload };
}
