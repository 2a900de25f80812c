import { formatDocName } from '../../lib/doc-names';
import { debriefUpdate } from '../../lib/plan/debrief';
import { EMPTY_DEBRIEF } from '../../lib/plan/debrief-values';
import type { DebriefSchema } from '../../lib/schemas/debrief';
import type { Tx } from '../db/immediate';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Copies each debrief record (the `debriefs` table, written until the debrief became a Yjs
 * document) into its attempt's debrief document, as the document's first logged change, by the
 * person who last saved the record, at that moment. A document that already has a log is left
 * alone, so this runs once in effect: nothing writes the table any more. The sync process runs
 * it when it starts, before it has any room: no room holds a document while it is written. (Not
 * a migration: those run in the web process, which loads Yjs only inside Next.js's bundle, and
 * a second copy of Yjs in one process breaks its type checks.)
 *
 * Each document is checked and written by statements of its own on `q`, with no transaction
 * needed: nothing else writes a debrief document before the sync process has rooms, and a start
 * that stops half-way leaves whole documents, which the next start skips. A caller may pass a
 * transaction to make the import one commit. On PostgreSQL several processes may start at once:
 * a document another one has just imported is left as it wrote it.
 */
export async function importDebriefRecords(q: Tx): Promise<void> {
  const rows = await q.selectFrom('debriefs').selectAll().execute();
  // The schema (and zod with it, 2.7 MB of the sync process's heap) only when a record is copied.
  let schema: typeof DebriefSchema | undefined;
  for (const row of rows) {
    const doc = formatDocName({ kind: 'debrief', boardId: row.board_id, attempt: row.attempt });
    const hasLog = await q
      .selectFrom('doc_updates')
      .select('seq')
      .where('doc', '=', doc)
      .unionAll(q.selectFrom('doc_checkpoints').select('seq').where('doc', '=', doc))
      .limit(1)
      .executeTakeFirst();
    if (hasLog) continue;
    schema ??= (await import('../../lib/schemas/debrief')).DebriefSchema;
    const parsed = schema.safeParse({
      outcome: row.outcome,
      wentWrong: parseJson(row.went_wrong),
      details: row.details,
      participantNotes: parseJson(row.participant_notes),
      lessons: row.lessons,
    });
    const debrief = parsed.success ? parsed.data : EMPTY_DEBRIEF;
    await q
      .insertInto('doc_updates')
      .values({ doc, seq: 1, at: row.updated_at, user_id: row.updated_by, bytes: debriefUpdate(debrief) })
      .onConflict((oc) => oc.columns(['doc', 'seq']).doNothing())
      .execute();
  }
}
