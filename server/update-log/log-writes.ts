import type { Tx } from '../db/immediate';
import { packCheckpoint } from './checkpoint-parts';

/**
 * Writes to the update log from outside the sync process (staging an attempt, a checkpoint
 * before sharing letters, importing old records), through the query layer on either database.
 * The sync process's own appends stay on its synchronous path (server/update-log/update-store.ts):
 * these are for documents no room is writing at the same moment.
 */

/**
 * Appends one update and returns its sequence number: one more than the larger of the document's
 * last logged update and its last checkpoint, so numbering keeps growing should old log rows
 * ever be pruned. One statement computes seq and inserts. On SQLite that is atomic even if
 * another process appends to the same file (one writer at a time); on PostgreSQL two appends to
 * the same document at the same moment could compute the same seq, and the primary key (doc,
 * seq) turns the second into an error (inside transact(), a serialization failure that is run
 * again) instead of a silent clash.
 */
export async function appendUpdate(
  q: Tx,
  doc: string,
  userId: string,
  bytes: Uint8Array,
  at: number = Date.now(),
): Promise<number> {
  const row = await q
    .insertInto('doc_updates')
    .values((eb) => ({
      doc,
      // A subquery in VALUES rather than INSERT ... SELECT: PostgreSQL then types the other
      // parameters from their columns (a bare parameter in a SELECT list would be text).
      seq: eb
        .selectFrom(
          eb
            .selectFrom('doc_updates')
            .select((max) => max.fn.max<number | null>('seq').as('last'))
            .where('doc', '=', doc)
            .unionAll(
              eb
                .selectFrom('doc_checkpoints')
                .select((max) => max.fn.max<number | null>('seq').as('last'))
                .where('doc', '=', doc),
            )
            .as('ends'),
        )
        .select((next) => next(next.fn.coalesce(next.fn.max('ends.last'), next.lit(0)), '+', next.lit(1)).as('seq')),
      at,
      user_id: userId,
      bytes,
    }))
    .returning('seq')
    .executeTakeFirst();
  if (!row) throw new Error('append returned no row');
  return row.seq;
}

/**
 * Records the merged state including every update with seq <= `seq`, as the updates that make
 * it, in the order they apply (server/yjs/checkpoint-slices.ts). Replaces a checkpoint at the
 * same seq: the room, if open, may checkpoint the same state too.
 */
export async function writeCheckpointRow(
  q: Tx,
  doc: string,
  seq: number,
  parts: Uint8Array[],
  at: number = Date.now(),
): Promise<void> {
  const row = packCheckpoint(parts);
  await q
    .insertInto('doc_checkpoints')
    .values({ doc, seq, at, state: row.state, parts: row.parts })
    .onConflict((oc) =>
      oc.columns(['doc', 'seq']).doUpdateSet((eb) => ({
        at: eb.ref('excluded.at'),
        state: eb.ref('excluded.state'),
        parts: eb.ref('excluded.parts'),
      })),
    )
    .execute();
}
