import { boardAuditLog } from '../audit';
import { getBoard } from './boards';
import { listInvites } from './invites';
import { listMembers } from './members';

/** A board's records as JSON, for keeping a copy before deletion. Interventionists only. */
export async function exportBoard(boardId: string): Promise<Record<string, unknown>> {
  return {
    exportedAt: new Date().toISOString(),
    board: await getBoard(boardId),
    members: (await listMembers(boardId)).map((m) => ({
      name: m.name,
      email: m.email,
      role: m.role,
      joinedAt: m.joinedAt,
    })),
    invites: await listInvites(boardId),
    audit: await boardAuditLog(boardId, 10_000),
  };
}
