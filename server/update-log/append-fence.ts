import { sql, type Kysely } from 'kysely';
import { parseDocName } from '../../lib/doc-names';
import type { Database } from '../db/schema';
import { WriteRefusedError } from '../yjs/storage';
import type { DocAccess, Principal } from '../yjs/types';

/**
 * What the appends on PostgreSQL are fenced by (postgres-storage.ts): the board's lease
 * (server/sync/board-leases.ts), so that a write stores anything only while this process holds
 * the current epoch of every board it writes to; and the board's access version, so that no
 * write is stored from someone whose access a committed change took away, even when the news
 * of that change has not reached this process yet.
 */
export interface AppendFence {
  owner: string;
  epochOf(boardId: string): number | undefined;
  /** The board's access version its sockets were last checked at. */
  accessVersionOf(boardId: string): number | undefined;
  /** The permission function, asked now: what may this writer do with this document? */
  accessOf(writer: Principal, docName: string): Promise<DocAccess>;
  /** Boards whose lease another process holds now: their rooms must go. */
  stale(boardIds: string[]): void;
  /** Boards whose access narrowed since their sockets were checked: check them again. */
  accessMoved(boardIds: string[]): void;
  /** Writers refused at the append: their sockets on the document close, saying why. */
  writersRefused(refused: RefusedWriter[]): void;
}

/** A socket writer the permission function no longer lets write the document it wrote to. */
export interface RefusedWriter {
  writer: Principal;
  doc: string;
  now: DocAccess;
}

/** A write refused because another process serves these boards now; nothing of it was stored. */
export class StaleLeaseError extends Error {
  constructor(readonly boardIds: string[]) {
    super(`the lease of ${boardIds.join(', ')} is held by another process`);
    this.name = 'StaleLeaseError';
  }
}

/** A write refused because one of its writers lost write access when it was committed; nothing of it was stored. */
export class WriterRefusedError extends WriteRefusedError {
  constructor(readonly boardIds: string[]) {
    super(`a writer to ${boardIds.join(', ')} may no longer write`);
    this.name = 'WriterRefusedError';
  }
}

/** One appended update as the fence sees it: its document, and the socket's principal it came from. */
export interface FencedUpdate {
  doc: string;
  /** Absent for a server edit: the web process checked its author before handing it over. */
  writer?: Principal;
}

/** What the fence decided about one write, read inside its transaction. */
export interface FenceVerdict {
  /** Boards whose lease this process no longer holds: nothing may be written. */
  stale: string[];
  /** Boards whose access narrowed since their sockets were checked. */
  moved: string[];
  /** Writers of moved boards who may no longer write: if any, nothing may be written. */
  refused: RefusedWriter[];
}

/** The boards a write touches; a document of no board cannot be fenced, so it is never written. */
export function boardsOf(docs: Iterable<string>): string[] {
  const boards = new Set<string>();
  for (const doc of docs) {
    const name = parseDocName(doc);
    if (!name) throw new Error(`${doc} is not a document of a board`);
    boards.add(name.boardId);
  }
  return [...boards];
}

/**
 * Decides, inside the write's transaction, whether it may store anything. The lease rows this
 * process holds, and their boards' rows, are locked FOR SHARE until the commit: a takeover or a
 * narrowing of access (an UPDATE of either row) waits for this write to commit, and whoever acts
 * next sees what it stored. A narrowing that committed first shows as a newer access version:
 * each writer of that board in this write is then asked of the permission function again, and
 * one that may no longer write refuses the whole write: its sockets on the document are closed
 * with the reason, the rooms reload from the log, and the others' clients send their updates
 * again. Writers who still may write are not held up: their write is stored, and the board's
 * sockets are checked again meanwhile, after which the version read before the check is
 * recorded.
 */
export async function fenceVerdict(
  tx: Kysely<Database>,
  fence: AppendFence,
  updates: FencedUpdate[],
  boards: string[],
): Promise<FenceVerdict> {
  const pairs = boards.flatMap((boardId) => {
    const epoch = fence.epochOf(boardId);
    return epoch === undefined ? [] : [sql`(${boardId}, ${epoch}::bigint)`];
  });
  const versions = new Map<string, number>();
  if (pairs.length > 0) {
    const rows = await sql<{ board_id: string; access_version: number }>`
      SELECT l.board_id, b.access_version FROM board_leases l JOIN boards b ON b.id = l.board_id
      WHERE l.owner = ${fence.owner} AND (l.board_id, l.epoch) IN (${sql.join(pairs)})
      FOR SHARE`.execute(tx);
    for (const row of rows.rows) versions.set(row.board_id, Number(row.access_version));
  }
  const stale = boards.filter((boardId) => !versions.has(boardId));
  const moved = boards.filter((boardId) => {
    const now = versions.get(boardId);
    const checked = fence.accessVersionOf(boardId);
    return now !== undefined && (checked === undefined || now > checked);
  });
  if (stale.length > 0 || moved.length === 0) return { stale, moved, refused: [] };
  return { stale, moved, refused: await refusedWriters(fence, updates, new Set(moved)) };
}

/** The socket writers of these boards' documents in the write who may no longer write them. */
async function refusedWriters(
  fence: AppendFence,
  updates: FencedUpdate[],
  boards: Set<string>,
): Promise<RefusedWriter[]> {
  const asks = new Map<string, { writer: Principal; doc: string }>();
  for (const { doc, writer } of updates) {
    const boardId = parseDocName(doc)?.boardId;
    if (!writer || boardId === undefined || !boards.has(boardId)) continue;
    asks.set(`${writer.sessionId}\u0000${doc}`, { writer, doc });
  }
  const answers = await Promise.all(
    [...asks.values()].map(async ({ writer, doc }) => ({ writer, doc, now: await fence.accessOf(writer, doc) })),
  );
  return answers.filter((answer) => answer.now !== 'write');
}
