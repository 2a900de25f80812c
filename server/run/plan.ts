import { formatDocName } from '../../lib/doc-names';
import { type PlanJSON, planToJSON } from '../../lib/plan/to-json';
import { db } from '../db/connection';
import { rebuildLatest } from '../update-log/rebuild';

/**
 * An attempt's plan as it is now, from the update log (every accepted edit is logged before
 * anyone sees it). Every member may read the plan; callers check membership first.
 */
export async function readPlan(boardId: string, attempt: number): Promise<PlanJSON> {
  const rebuilt = await rebuildLatest(db().kysely, formatDocName({ kind: 'plan', boardId, attempt }));
  try {
    return planToJSON(rebuilt.doc);
  } finally {
    rebuilt.doc.destroy();
  }
}
