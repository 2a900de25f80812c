import { notFound, redirect } from 'next/navigation';
import { BoardShell } from '@/components/board/board-shell';
import { currentPrincipal } from '@/server/auth/session';
import { getBoard } from '@/server/boards/boards';
import { listInvites } from '@/server/boards/invites';
import { listMembers } from '@/server/boards/members';
import { env } from '@/server/env';
import { boardRole, can } from '@/server/permissions';

export const dynamic = 'force-dynamic';

export default async function BoardPage({ params }: { params: Promise<{ boardId: string }> }) {
  const { boardId } = await params;
  const principal = await currentPrincipal();
  if (!principal) redirect(`/signin?next=${encodeURIComponent(`/boards/${boardId}`)}`);
  const role = await boardRole(principal.userId, boardId);
  if (!can(role, 'board.view') || role === null) notFound();
  const board = await getBoard(boardId);
  if (!board) notFound();
  const members = await listMembers(boardId);
  const invites = can(role, 'invites.manage') ? await listInvites(boardId) : null;
  return (
    <BoardShell
      board={board}
      me={{ userId: principal.userId, name: principal.name, role }}
      members={members}
      invites={invites}
      emergency={{ number: env().EMERGENCY_NUMBER, crisisLine: env().CRISIS_LINE }}
    />
  );
}
