import type { BoardTopic } from '@/lib/protocol/board-events';

/**
 * What useApiData gives SWR as a key: the API path, and the board topics whose changes make the
 * answer stale. The board channel finds the answers to ask again by these (`isStaleAfter`).
 */
export interface ApiKey {
  path: string;
  refreshOn: readonly BoardTopic[];
}

function isApiKey(key: unknown): key is ApiKey {
  return (
    typeof key === 'object' &&
    key !== null &&
    'path' in key &&
    typeof key.path === 'string' &&
    'refreshOn' in key &&
    Array.isArray(key.refreshOn)
  );
}

/**
 * Whether an answer in SWR's cache (its `key`) is one of `boardId`'s that a change of records
 * makes stale, `changed` telling which topics changed. Every path of a board's records starts
 * with `/api/boards/<boardId>/`.
 */
export function isStaleAfter(key: unknown, boardId: string, changed: (topic: BoardTopic) => boolean): boolean {
  return isApiKey(key) && key.path.startsWith(`/api/boards/${boardId}/`) && key.refreshOn.some(changed);
}
