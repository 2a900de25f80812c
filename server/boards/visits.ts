import type { Principal } from '../auth/principal';
import { db } from '../db/connection';
import type { SensitiveSection } from '../../lib/plan/sensitive-sections';

/** Opening the same section again within this time is one visit, not another line in the log. */
const SAME_VISIT_MS = 10 * 60 * 1000;
/** The log keeps the latest entries a page shows; older ones stay in the table until the board goes. */
const LOG_LIMIT = 200;

/**
 * A member was sent the board's page: its server render records it (app/boards/[boardId]/page.tsx),
 * before the page reaches the browser, so the interventionist's own card already counts them.
 */
export async function recordBoardOpened(principal: Principal, boardId: string): Promise<void> {
  await db()
    .kysely.updateTable('memberships')
    .set({ last_opened_at: Date.now() })
    .where('board_id', '=', boardId)
    .where('user_id', '=', principal.userId)
    .execute();
}

/**
 * A member's page opened one of the sensitive sections. What it records is what the app showed:
 * the plan document still syncs whole, so a member who reads it with a script is not logged
 * (docs/security.md, "Limits known today").
 */
export async function recordSectionOpened(
  principal: Principal,
  boardId: string,
  section: SensitiveSection,
): Promise<void> {
  const now = Date.now();
  const { kysely } = db();
  const recent = await kysely
    .selectFrom('section_views')
    .select('id')
    .where('board_id', '=', boardId)
    .where('user_id', '=', principal.userId)
    .where('section', '=', section)
    .where('at', '>', now - SAME_VISIT_MS)
    .executeTakeFirst();
  if (recent) return;
  await kysely
    .insertInto('section_views')
    .values({ board_id: boardId, user_id: principal.userId, section, at: now })
    .execute();
}

export interface MemberVisit {
  userId: string;
  name: string;
  /** null: not since this was recorded. */
  lastOpenedAt: number | null;
}

export interface SectionVisit {
  userId: string;
  name: string;
  section: string;
  at: number;
}

export interface BoardVisits {
  members: MemberVisit[];
  /** Newest first. */
  log: SectionVisit[];
}

/** Who opened what, for the interventionists ('visits.view'). */
export async function boardVisits(boardId: string): Promise<BoardVisits> {
  const { kysely } = db();
  const members = await kysely
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'memberships.last_opened_at'])
    .where('memberships.board_id', '=', boardId)
    .orderBy('users.name')
    .execute();
  const log = await kysely
    .selectFrom('section_views')
    .innerJoin('users', 'users.id', 'section_views.user_id')
    .select(['users.id', 'users.name', 'section_views.section', 'section_views.at'])
    .where('section_views.board_id', '=', boardId)
    .orderBy('section_views.id', 'desc')
    .limit(LOG_LIMIT)
    .execute();
  return {
    members: members.map((m) => ({ userId: m.id, name: m.name, lastOpenedAt: m.last_opened_at })),
    log: log.map((v) => ({ userId: v.id, name: v.name, section: v.section, at: v.at })),
  };
}
