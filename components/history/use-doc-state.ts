'use client';

import { useApiData } from '../hooks/use-api-data';

export interface DocState {
  doc: string;
  seq: number;
  state: Readonly<Record<string, unknown>>;
}

/** The whole log, whatever its length: the server clamps a sequence number to the last one. */
export const LATEST_SEQ = Number.MAX_SAFE_INTEGER;

/**
 * A document as it was after change `seq`, as plain JSON from the server. A past state never
 * changes, so it is cached; the latest one (LATEST_SEQ) is not, and may be asked for again every
 * `refreshIntervalMs`. Scrubbing waits a moment before asking, so sliding across fifty moments
 * costs one request, not fifty.
 */
export function useDocState(
  boardId: string,
  docName: string | null,
  seq: number | null,
  { delayMs = 120, refreshIntervalMs = 0 } = {},
) {
  const path =
    docName !== null && seq !== null
      ? `/api/boards/${boardId}/history/state?${new URLSearchParams({ doc: docName, seq: String(seq) })}`
      : null;
  const resource = useApiData<DocState>(path, { immutable: seq !== LATEST_SEQ, delayMs, refreshIntervalMs });
  // While another document loads, the last answer may be of the previous one: never show it as
  // this one. An earlier state of the same document stays on screen (dimmed) meanwhile.
  const data = resource.data && resource.data.doc === docName ? resource.data : null;
  return { ...resource, data };
}
