import { notFound, redirect } from 'next/navigation';
import { RunView } from '@/components/run/run-view';
import { currentPrincipal } from '@/server/auth/session';
import { getBoard } from '@/server/boards/boards';
import { boardStanding } from '@/server/permissions/abilities';
import { runForPage } from '@/server/run/actions';
import { buildSheet } from '@/server/run/sheet';

export const dynamic = 'force-dynamic';

/**
 * Run mode, the day itself: the latest attempt's running order, letters, playbooks and safety
 * plan, built for this person on the server (nothing from a scope they cannot read), then kept
 * live by the board channel. The page title stays the product's name (root layout).
 */
export default async function RunPage({ params }: { params: Promise<{ boardId: string }> }) {
  const { boardId } = await params;
  const principal = await currentPrincipal();
  if (!principal) redirect(`/signin?next=${encodeURIComponent(`/boards/${boardId}/run`)}`);
  const standing = await boardStanding(principal, boardId);
  if (!standing?.abilities.can['board.view']) notFound();
  const board = await getBoard(boardId);
  const latest = board?.attempts[board.attempts.length - 1];
  if (!board || !latest) notFound();
  const attempt = { number: latest.number, frozen: latest.frozenAt !== null };
  const sheet = await buildSheet(principal, boardId, attempt.number);
  const initial = await runForPage({ principal, role: standing.role, boardId, attempt, latest: true });
  const { can } = standing.abilities;
  return (
    <RunView
      boardId={boardId}
      boardTitle={board.title}
      attempt={attempt.number}
      me={{ userId: principal.userId, name: principal.name }}
      can={{ drive: can['run.drive'], stepOut: can['run.step-out'], signals: can['run.signals'] }}
      sheet={sheet}
      initial={initial}
    />
  );
}
