import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { narrowAccess } from '../boards/access-version';
import { db } from '../db/connection';
import { transact } from '../db/immediate';
import { formatDocName } from '../../lib/doc-names';
import { publish } from '../events/bus';
import { docAccess, isParticipant } from '../permissions';
import { listMembers } from '../boards/members';
import { checkpointBeforeSharing } from './share-checkpoint';

export interface LettersEntry {
  ownerId: string;
  ownerName: string;
  docName: string;
  shared: boolean;
  access: 'read' | 'write';
}

/** The participants' letters documents this caller may open, decided by docAccess for each. */
export async function listLetters(principal: Principal, boardId: string, attempt: number): Promise<LettersEntry[]> {
  const members = (await listMembers(boardId)).filter((m) => isParticipant(m.role));
  const shares = await db()
    .kysely.selectFrom('letter_shares')
    .select('user_id')
    .where('board_id', '=', boardId)
    .where('attempt', '=', attempt)
    .execute();
  const shared = new Set(shares.map((s) => s.user_id));
  const entries: LettersEntry[] = [];
  for (const member of members) {
    const docName = formatDocName({ kind: 'letters', boardId, attempt, ownerId: member.userId });
    const access = await docAccess(principal, docName);
    if (access === 'none') continue;
    entries.push({
      ownerId: member.userId,
      ownerName: member.name,
      docName,
      shared: shared.has(member.userId),
      access,
    });
  }
  return entries;
}

/** Shares the caller's own letters with the team, or takes them back. */
export async function setLettersShared(
  principal: Principal,
  boardId: string,
  attempt: number,
  shared: boolean,
): Promise<void> {
  if (shared) {
    // Before the row: from the moment the team may open them, what they are sent starts here.
    await checkpointBeforeSharing(formatDocName({ kind: 'letters', boardId, attempt, ownerId: principal.userId }));
    await db()
      .kysely.insertInto('letter_shares')
      .values({ board_id: boardId, attempt, user_id: principal.userId, shared_at: Date.now() })
      .onConflict((oc) => oc.columns(['board_id', 'attempt', 'user_id']).doNothing())
      .execute();
  } else {
    await transact(async (tx) => {
      await tx
        .deleteFrom('letter_shares')
        .where('board_id', '=', boardId)
        .where('attempt', '=', attempt)
        .where('user_id', '=', principal.userId)
        .execute();
      await narrowAccess(tx, boardId);
    });
  }
  await audit({
    action: shared ? 'letters.shared' : 'letters.unshared',
    userId: principal.userId,
    boardId,
    detail: { attempt },
  });
  // Unsharing closes the other readers' sockets; the event itself then goes only to the owner
  // and the interventionists, so nothing about a private letter reaches the whole board.
  if (!shared) publish({ type: 'access-changed', boardId });
  publish({
    type: 'board-changed',
    boardId,
    topic: 'letters',
    audience: shared ? { kind: 'board' } : { kind: 'private', userIds: [principal.userId] },
    detail: { ownerId: principal.userId, attempt, shared },
  });
}
