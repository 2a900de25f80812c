import { db } from '../db/connection';
import { writeCheckpointRow } from '../update-log/log-writes';
import { rebuildLatest } from '../update-log/rebuild';
import { encodeCheckpoint } from '../yjs/checkpoint-slices';

/**
 * Checkpoints a letters document just before it is shared. A checkpoint holds the state without
 * deleted text (the rebuilt document collects its garbage), and a reader who opens a document
 * nobody has open is sent its latest checkpoint and the updates logged after it (docs/realtime.md,
 * section 5, step 0). Without this, updates logged since the last checkpoint (the sync process
 * writes one when the last socket leaves, so after a crash there is none) would carry a draft
 * deleted before the sharing to the team.
 */
export async function checkpointBeforeSharing(docName: string): Promise<void> {
  const { kysely } = db();
  const rebuilt = await rebuildLatest(kysely, docName);
  try {
    if (rebuilt.seq === 0 || rebuilt.checkpointSeq === rebuilt.seq) return;
    // An upsert: the room, if open, may checkpoint the same sequence number too.
    await writeCheckpointRow(kysely, docName, rebuilt.seq, encodeCheckpoint(rebuilt.doc));
  } finally {
    rebuilt.doc.destroy();
  }
}
