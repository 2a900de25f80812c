import type BetterSqlite3 from 'better-sqlite3';
import { formatDocName } from '../../lib/doc-names';
import { debriefUpdate } from '../../lib/plan/debrief';
import { EMPTY_DEBRIEF } from '../../lib/plan/debrief-values';
import { DebriefSchema } from '../../lib/schemas/debrief';

interface DebriefRow {
  board_id: string;
  attempt: number;
  outcome: string;
  went_wrong: string;
  details: string;
  participant_notes: string;
  lessons: string;
  updated_by: string;
  updated_at: number;
}

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
 */
export function importDebriefRecords(db: BetterSqlite3.Database): void {
  const rows = db.prepare('SELECT * FROM debriefs').all() as DebriefRow[];
  const hasLog = db.prepare<[string, string], { found: number }>(
    `SELECT 1 AS found FROM doc_updates WHERE doc = ?
     UNION ALL SELECT 1 FROM doc_checkpoints WHERE doc = ? LIMIT 1`,
  );
  const append = db.prepare('INSERT INTO doc_updates (doc, seq, at, user_id, bytes) VALUES (?, 1, ?, ?, ?)');
  for (const row of rows) {
    const doc = formatDocName({ kind: 'debrief', boardId: row.board_id, attempt: row.attempt });
    if (hasLog.get(doc, doc)) continue;
    const parsed = DebriefSchema.safeParse({
      outcome: row.outcome,
      wentWrong: parseJson(row.went_wrong),
      details: row.details,
      participantNotes: parseJson(row.participant_notes),
      lessons: row.lessons,
    });
    const debrief = parsed.success ? parsed.data : EMPTY_DEBRIEF;
    append.run(doc, row.updated_at, row.updated_by, debriefUpdate(debrief));
  }
}
