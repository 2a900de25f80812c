import { formatDocName } from '../../lib/doc-names';
import { debriefToJSON } from '../../lib/plan/debrief';
import type { Debrief } from '../../lib/schemas/debrief';
import { db } from '../db/connection';
import { rebuildLatest } from '../update-log/rebuild';

export interface StoredDebrief extends Debrief {
  /** When it last changed (ms), null when nobody has written it yet. */
  updatedAt: number | null;
}

/**
 * An attempt's debrief as its document holds it now. The debrief is a Yjs document
 * (`board/<b>/debrief/<n>`, written through the sync server like the plan), so concurrent edits
 * merge and every change stays in its history; this reads the update log, to which every
 * accepted edit is committed before anyone sees it.
 */
export async function getDebrief(boardId: string, attempt: number): Promise<StoredDebrief> {
  const name = formatDocName({ kind: 'debrief', boardId, attempt });
  const { kysely } = db();
  const rebuilt = await rebuildLatest(kysely, name);
  try {
    // The time of the state just rebuilt: an edit logged since is in neither.
    const last = await kysely
      .selectFrom('doc_updates')
      .select((eb) => eb.fn.max<number | null>('at').as('at'))
      .where('doc', '=', name)
      .where('seq', '<=', rebuilt.seq)
      .executeTakeFirst();
    return { ...debriefToJSON(rebuilt.doc), updatedAt: last?.at ?? null };
  } finally {
    rebuilt.doc.destroy();
  }
}
