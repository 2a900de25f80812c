import * as Y from 'yjs';
import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { formatDocName, MAX_ATTEMPTS } from '../../lib/doc-names';
import { publish, publishSettled } from '../events/bus';
import { rebuildLatest } from '../update-log/rebuild';
import { UpdateStore } from '../update-log/update-store';
import { conflict } from '../http/errors';
import { setSingletonValue } from '../../lib/plan/singletons';

/** Logistics of a failed attempt (its date, time, rehearsal) do not hold for the next one. */
const RESET_LOGISTICS = ['date', 'time', 'rehearsalDate'] as const;

/**
 * Copies a document's current state as the first logged update of a new document: the new one
 * starts with exactly the same content (and structure, so edits merge as usual), and its own
 * history starts at the moment of staging.
 */
function copyDoc(store: UpdateStore, from: string, to: string, userId: string, edit?: (doc: Y.Doc) => void): boolean {
  const rebuilt = rebuildLatest(db().sqlite, from);
  try {
    if (rebuilt.seq === 0 && !edit) return false;
    edit?.(rebuilt.doc);
    store.append(to, userId, Y.encodeStateAsUpdate(rebuilt.doc));
    return true;
  } finally {
    rebuilt.doc.destroy();
  }
}

/**
 * Stages attempt n+1 from the latest attempt n: the plan (team, roles, order, bottom lines,
 * contingencies, objections, treatment) and every participant's letters are carried over as
 * drafts (review status and sharing start afresh), and attempt n is frozen for review.
 */
export async function stageNextAttempt(principal: Principal, boardId: string): Promise<{ attempt: number }> {
  const latest = await db()
    .kysely.selectFrom('attempts')
    .select(['number'])
    .where('board_id', '=', boardId)
    .orderBy('number', 'desc')
    .executeTakeFirstOrThrow();
  const from = latest.number;
  const next = from + 1;
  if (next > MAX_ATTEMPTS) throw conflict('This board has reached the most attempts it can hold.');
  const now = Date.now();
  // Freeze first, and copy only once the sync server has closed attempt n's writers: whatever
  // it accepted before then is stored, and nothing is added to attempt n after the copy.
  await db()
    .kysely.updateTable('attempts')
    .set({ frozen_at: now })
    .where('board_id', '=', boardId)
    .where('number', '=', from)
    .where('frozen_at', 'is', null)
    .execute();
  await publishSettled({ type: 'access-changed', boardId });

  const store = new UpdateStore(db().sqlite);
  const lettersPrefix = `board/${boardId}/letters/${from}/`;
  const letterDocs = await db()
    .kysely.selectFrom('doc_updates')
    .select('doc')
    .distinct()
    .where('doc', '>=', lettersPrefix)
    .where('doc', '<', `${lettersPrefix}\uffff`)
    .execute();
  // Immediate: the copy reads, then writes, while the sync process may be writing too; a
  // deferred transaction would find its read snapshot stale at the first write and fail.
  db()
    .sqlite.transaction(() => {
      copyDoc(
        store,
        formatDocName({ kind: 'plan', boardId, attempt: from }),
        formatDocName({ kind: 'plan', boardId, attempt: next }),
        principal.userId,
        (doc) => {
          doc.transact(() => {
            for (const field of RESET_LOGISTICS) setSingletonValue(doc, 'logistics', field, '');
          });
        },
      );
      for (const { doc } of letterDocs) {
        const ownerId = doc.slice(lettersPrefix.length);
        copyDoc(store, doc, formatDocName({ kind: 'letters', boardId, attempt: next, ownerId }), principal.userId);
      }
    })
    .immediate();
  const inserted = await db()
    .kysely.insertInto('attempts')
    .values({ board_id: boardId, number: next, created_at: now, frozen_at: null })
    .onConflict((oc) => oc.columns(['board_id', 'number']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
    throw conflict('Another attempt was staged at the same moment. Reload the board.');
  await audit({ action: 'attempt.staged', userId: principal.userId, boardId, detail: { from, attempt: next } });
  publish({
    type: 'board-changed',
    boardId,
    topic: 'attempts',
    audience: { kind: 'board' },
    detail: { attempt: next, frozen: from },
  });
  return { attempt: next };
}
