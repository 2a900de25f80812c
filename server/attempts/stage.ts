import type * as Y from 'yjs';
import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import { narrowAccess } from '../boards/access-version';
import { readConsistently, transact } from '../db/immediate';
import { MAX_ATTEMPTS } from '../../lib/doc-names';
import { publish, publishSettled } from '../events/bus';
import { conflict } from '../http/errors';
import { setSingletonValue } from '../../lib/plan/singletons';
import { copyOpenQuestions } from '../questions/carry-over';
import { copiesStillCurrent, prepareCopies, writeCopies } from './stage-copies';

/** Logistics of a failed attempt (its date, time, rehearsal) do not hold for the next one. */
const RESET_LOGISTICS = ['date', 'time', 'rehearsalDate'] as const;

function resetLogistics(doc: Y.Doc): void {
  doc.transact(() => {
    for (const field of RESET_LOGISTICS) setSingletonValue(doc, 'logistics', field, '');
  });
}

/** Sources that moved between reading and writing are read again, this many times at most. */
const MAX_READS = 3;

/**
 * Stages attempt n+1 from the latest attempt n: the plan (team, roles, order, bottom lines,
 * contingencies, objections, treatment) and every participant's letters are carried over as
 * drafts (review status and sharing start afresh), so are the questions still waiting for an
 * answer, and attempt n is frozen for review.
 *
 * Each copy starts the new document with exactly the old one's content (and structure, so edits
 * merge as usual); its own history starts at the moment of staging. The copies and the new
 * attempt's record are written in one immediate transaction, after the documents were read and
 * rebuilt outside it: the write lock, which the sync process needs for every board's edits, is
 * held for the writes only, and a concurrent staging or a crash leaves no half-staged attempt.
 */
export async function stageNextAttempt(principal: Principal, boardId: string): Promise<{ attempt: number }> {
  const { kysely } = db();
  const latest = await kysely
    .selectFrom('attempts')
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
  await transact(async (tx) => {
    await tx
      .updateTable('attempts')
      .set({ frozen_at: now })
      .where('board_id', '=', boardId)
      .where('number', '=', from)
      .where('frozen_at', 'is', null)
      .execute();
    await narrowAccess(tx, boardId);
  });
  await publishSettled({ type: 'access-changed', boardId });

  for (let reads = 1; ; reads += 1) {
    const copies = await readConsistently((tx) => prepareCopies(tx, boardId, from, next, resetLogistics));
    const staged = await transact(async (tx) => {
      // Re-checked under the lock: the attempt is still the latest and still frozen (so nothing
      // can be added to it after the copy), and its documents are as they were read.
      const current = await tx
        .selectFrom('attempts')
        .select(['number', 'frozen_at'])
        .where('board_id', '=', boardId)
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (current?.number !== from) throw conflict('Another attempt was staged at the same moment. Reload the board.');
      if (current.frozen_at === null) throw conflict('The attempt was unfrozen while it was being staged. Try again.');
      if (!(await copiesStillCurrent(tx, boardId, from, copies))) return false;
      await writeCopies(tx, copies, principal.userId);
      // A question nobody answered yet still needs an answer in the next attempt.
      await copyOpenQuestions(tx, boardId, from, next);
      await tx
        .insertInto('attempts')
        .values({ board_id: boardId, number: next, created_at: now, frozen_at: null })
        .execute();
      return true;
    });
    if (staged) break;
    if (reads >= MAX_READS) throw conflict('The attempt kept changing while it was being staged. Try again.');
  }
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
