import { notFound, redirect } from 'next/navigation';
import { ReviewView } from '@/components/review/review-view';
import { currentPrincipal } from '@/server/auth/session';
import { getBoard } from '@/server/boards/boards';
import { listMembers } from '@/server/boards/members';
import { boardStanding } from '@/server/permissions/abilities';

export const dynamic = 'force-dynamic';

/** The page title stays the product's name (root layout): nothing here may name a person, a date or a place. */
export default async function ReviewPage({ params }: { params: Promise<{ boardId: string }> }) {
  const { boardId } = await params;
  const principal = await currentPrincipal();
  if (!principal) redirect(`/signin?next=${encodeURIComponent(`/boards/${boardId}/review`)}`);
  const standing = await boardStanding(principal, boardId);
  if (!standing?.abilities.can['board.view']) notFound();
  const board = await getBoard(boardId);
  if (!board) notFound();
  // Names only: e-mail addresses are for the interventionist's member list, not for this page.
  const members = (await listMembers(boardId)).map(({ userId, name, role: memberRole }) => ({
    userId,
    name,
    role: memberRole,
  }));
  return (
    <ReviewView
      boardId={boardId}
      attempts={board.attempts}
      me={{ userId: principal.userId, name: principal.name, ...standing }}
      members={members}
    />
  );
}
