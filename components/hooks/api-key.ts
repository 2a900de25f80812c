import type { BoardTopic } from '@/lib/protocol/board-events';

/**
 * What useApiData keeps an answer under in its store: the API path, and the board topics whose
 * changes make the answer stale. The board channel finds the answers to ask again by these (`isStaleAfter`).
 */
export interface ApiKey {
  path: string;
  refreshOn: readonly BoardTopic[];
}

/**
 * Whether an answer in the store (its `key`) is one of `boardId`'s that a change of records
 * makes stale, `changed` telling which topics changed. Every path of a board's records starts
 * with `/api/boards/<boardId>/`.
 */
export function isStaleAfter(key: ApiKey, boardId: string, changed: (topic: BoardTopic) => boolean): boolean {
  return key.path.startsWith(`/api/boards/${boardId}/`) && key.refreshOn.some(changed);
}
