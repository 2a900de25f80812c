import { audit } from '../audit';
import type { Principal } from '../auth/principal';
import { narrowAccess } from '../boards/access-version';
import { db } from '../db/connection';
import { transact } from '../db/immediate';
import { MAX_ATTEMPTS } from '../../lib/doc-names';
import { publish } from '../events/bus';
import { badRequest, conflict, notFound } from '../http/errors';

/** Parses an attempt number from a URL and checks that the board has it. */
export async function requireAttempt(boardId: string, value: string): Promise<{ number: number; frozen: boolean }> {
  if (!/^[1-9][0-9]?$/.test(value) || Number(value) > MAX_ATTEMPTS) throw badRequest('Not an attempt number.');
  const row = await db()
    .kysely.selectFrom('attempts')
    .select(['number', 'frozen_at'])
    .where('board_id', '=', boardId)
    .where('number', '=', Number(value))
    .executeTakeFirst();
  if (!row) throw notFound('That attempt');
  return { number: row.number, frozen: row.frozen_at !== null };
}

/** Changes that belong to a live plan are refused once its attempt is frozen. */
export function requireNotFrozen(attempt: { frozen: boolean }): void {
  if (attempt.frozen) throw conflict('This attempt is frozen: it can be read, not changed.');
}

/** Freezing makes the attempt's plan and letters read-only for everyone; the server enforces it. */
export async function setAttemptFrozen(
  principal: Principal,
  boardId: string,
  attempt: number,
  frozen: boolean,
): Promise<void> {
  await transact(async (tx) => {
    await tx
      .updateTable('attempts')
      .set({ frozen_at: frozen ? Date.now() : null })
      .where('board_id', '=', boardId)
      .where('number', '=', attempt)
      .execute();
    await narrowAccess(tx, boardId);
  });
  await audit({
    action: frozen ? 'attempt.frozen' : 'attempt.unfrozen',
    userId: principal.userId,
    boardId,
    detail: { attempt },
  });
  publish({ type: 'access-changed', boardId });
  publish({
    type: 'board-changed',
    boardId,
    topic: 'attempts',
    audience: { kind: 'board' },
    detail: { attempt, frozen },
  });
}
