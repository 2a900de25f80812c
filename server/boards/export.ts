import { type AuditEntry, boardAuditLog } from '../audit';
import type { Principal } from '../auth/principal';
import { type StoredDebrief, getDebrief } from '../attempts/debrief';
import { db } from '../db/connection';
import { listVersions, type NamedVersion } from '../history/versions';
import { listLetters } from '../letters/letters';
import { type LetterReview, listReviews } from '../letters/reviews';
import { can, docAccess } from '../permissions';
import { listQuestions, type QuestionView } from '../questions/questions';
import { readinessReport, type ReadinessReport } from '../readiness/readiness';
import { rebuildLatest } from '../update-log/rebuild';
import { formatDocName, type DocName } from '../../lib/doc-names';
import { docToJSON, lettersToJSON } from '../../lib/plan/doc-json';
import type { PlanJSON } from '../../lib/plan/to-json';
import type { Role } from '../../lib/roles';
import { getBoard } from './boards';
import { type InviteSummary, listInvites } from './invites';
import { type Member, membersSeenBy } from './members';
import { boardVisits, type BoardVisits } from './visits';

export interface ExportedLetters {
  ownerId: string;
  ownerName: string;
  shared: boolean;
  impact: string;
  bottomLine: string;
}

export interface ExportedAttempt {
  number: number;
  createdAt: number;
  frozenAt: number | null;
  plan: PlanJSON | null;
  letters: ExportedLetters[];
  debrief: StoredDebrief | null;
  questions: Omit<QuestionView, 'can'>[];
  readiness: ReadinessReport;
  reviews: LetterReview[];
}

/** Everything of a board one member may read, as plain data: the JSON download and the printable page. */
export interface BoardExport {
  exportedAt: string;
  exportedBy: string;
  role: Role;
  board: { title: string; createdAt: number };
  attempts: ExportedAttempt[];
  /** The interventionists' private notes; null for anyone who may not read them. */
  notes: string | null;
  members: Member[];
  versions: NamedVersion[];
  invites: InviteSummary[] | null;
  visits: BoardVisits | null;
  audit: AuditEntry[] | null;
}

/** A document's current state as JSON, or null when the caller may not read it (docAccess). */
async function readable(principal: Principal, name: DocName): Promise<Record<string, unknown> | null> {
  const docName = formatDocName(name);
  if ((await docAccess(principal, docName)) === 'none') return null;
  const rebuilt = await rebuildLatest(db().kysely, docName);
  try {
    return docToJSON(name, rebuilt.doc);
  } finally {
    rebuilt.doc.destroy();
  }
}

/**
 * Letters the caller may read, as they stand now. A reader of shared letters gets their current
 * state only, which is inside their history window (server/history/access.ts): an export never
 * carries a draft from before a sharing, nor any text that was deleted.
 */
async function readableLetters(principal: Principal, boardId: string, attempt: number): Promise<ExportedLetters[]> {
  const out: ExportedLetters[] = [];
  for (const entry of await listLetters(principal, boardId, attempt)) {
    const rebuilt = await rebuildLatest(db().kysely, entry.docName);
    try {
      out.push({
        ownerId: entry.ownerId,
        ownerName: entry.ownerName,
        shared: entry.shared,
        ...lettersToJSON(rebuilt.doc),
      });
    } finally {
      rebuilt.doc.destroy();
    }
  }
  return out;
}

async function exportAttempt(
  principal: Principal,
  role: Role,
  boardId: string,
  attempt: { number: number; createdAt: number; frozenAt: number | null },
): Promise<ExportedAttempt> {
  const number = attempt.number;
  const plan = await readable(principal, { kind: 'plan', boardId, attempt: number });
  const debriefName = formatDocName({ kind: 'debrief', boardId, attempt: number });
  const debrief = (await docAccess(principal, debriefName)) === 'none' ? null : await getDebrief(boardId, number);
  const scope = { principal, role, boardId, attempt: { number, frozen: attempt.frozenAt !== null } };
  const questions = (await listQuestions(scope)).map(({ can: _can, ...question }) => question);
  return {
    ...attempt,
    plan: plan as PlanJSON | null,
    letters: await readableLetters(principal, boardId, number),
    debrief,
    questions,
    // Each record as its own API gives it to this caller: the same functions, the same rules.
    readiness: await readinessReport(boardId, number, can(role, 'readiness.view-all') ? null : principal.userId),
    reviews: await listReviews(principal, boardId, number),
  };
}

/**
 * The whole board as the caller may read it: every document they may open (plan, their letters
 * and the shared ones, the notes for interventionists, the debriefs), and the records their role
 * shows them. Nothing from a scope they cannot read: each part asks the one permission function.
 */
export async function exportBoard(principal: Principal, role: Role, boardId: string): Promise<BoardExport | null> {
  const board = await getBoard(boardId);
  if (!board) return null;
  const attempts: ExportedAttempt[] = [];
  for (const attempt of board.attempts) attempts.push(await exportAttempt(principal, role, boardId, attempt));
  const notes = await readable(principal, { kind: 'notes', boardId });
  const notesText = notes?.notes;
  return {
    exportedAt: new Date().toISOString(),
    exportedBy: principal.name,
    role,
    board: { title: board.title, createdAt: board.createdAt },
    attempts,
    notes: notes === null ? null : typeof notesText === 'string' ? notesText : '',
    members: await membersSeenBy(boardId, can(role, 'members.manage')),
    versions: await listVersions(boardId),
    invites: can(role, 'invites.manage') ? await listInvites(boardId, { links: false }) : null,
    visits: can(role, 'visits.view') ? await boardVisits(boardId) : null,
    audit: can(role, 'audit.view') ? await boardAuditLog(boardId, 10_000) : null,
  };
}
