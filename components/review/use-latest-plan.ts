'use client';

import { formatDocName } from '@/lib/doc-names';
import { isPlanJSON } from '../history/plan-shape';
import { LATEST_SEQ, useDocState } from '../history/use-doc-state';

/**
 * The current state of an attempt's plan, read through the history API (plain JSON, no live
 * document on this page). Asked for again every `refreshMs` while the page is visible, so
 * statuses changed on the board appear here without a reload. A null attempt loads nothing.
 */
export function useLatestPlan(boardId: string, attempt: number | null, refreshMs = 0) {
  const docName = attempt === null ? null : formatDocName({ kind: 'plan', boardId, attempt });
  const state = useDocState(boardId, docName, LATEST_SEQ, { delayMs: 0, refreshIntervalMs: refreshMs });
  const plan = state.data && isPlanJSON(state.data.state) ? state.data.state : null;
  return { plan, loading: state.loading, refreshing: state.refreshing, error: state.error, reload: state.reload };
}
