'use client';

import { useApi } from '../hooks/use-api';

export interface NamedVersion {
  id: string;
  attempt: number;
  label: string;
  at: number;
  createdByName: string | null;
}

/** The board's named versions (labels on a moment), reloaded when someone adds or removes one. */
export function useVersions(boardId: string) {
  const resource = useApi<{ versions: NamedVersion[] }>(`/api/boards/${boardId}/versions`);
  return { versions: resource.data?.versions ?? [], error: resource.error, reload: resource.reload };
}
