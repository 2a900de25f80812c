import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { BoardShell } from '@/components/board/board-shell';
import { currentPrincipal } from '@/server/auth/session';
import { getBoard } from '@/server/boards/boards';
import { listInvites } from '@/server/boards/invites';
import { membersSeenBy } from '@/server/boards/members';
import { recordBoardOpened } from '@/server/boards/visits';
import { env } from '@/server/env';
import { planAccess } from '@/lib/permissions/abilities';
import { boardStanding } from '@/server/permissions/abilities';
import { renderedDocState } from '@/server/update-log/page-state';
import { formatDocName } from '@/lib/doc-names';

export const dynamic = 'force-dynamic';

export default async function BoardPage({ params }: { params: Promise<{ boardId: string }> }) {
  const { boardId } = await params;
  const principal = await currentPrincipal();
  if (!principal) redirect(`/signin?next=${encodeURIComponent(`/boards/${boardId}`)}`);
  const standing = await boardStanding(principal, boardId);
  if (!standing?.abilities.can['board.view']) notFound();
  const board = await getBoard(boardId);
  if (!board) notFound();
  // "When each member last opened the board" (the interventionist's visits card) is this render.
  await recordBoardOpened(principal, boardId);
  // E-mail addresses only for those who manage members: the page's HTML carries what it is handed.
  const members = await membersSeenBy(boardId, standing.abilities.can['members.manage']);
  const invites = standing.abilities.can['invites.manage'] ? await listInvites(boardId, { links: true }) : null;
  // The plan of the attempt on screen comes with the page, for those who may read it. Not with
  // a refresh (the router asks again on every record change of the board) or a move within the
  // app: the page's plan is already live, or its scripts already there, and up to 192 KB each
  // time would be dead weight. Those are fetch() calls, which browsers mark with
  // `Sec-Fetch-Dest: empty`; an opened page is a `document` (a browser sending neither gets
  // the plan every time, as a page did before).
  const latest = board.attempts[board.attempts.length - 1]?.number ?? 1;
  const planName = formatDocName({ kind: 'plan', boardId, attempt: latest });
  const destination = (await headers()).get('sec-fetch-dest');
  const firstLoad = destination === null || destination === 'document';
  // The permission function's answer for this plan is already in the page's abilities (the same
  // decideDocAccess over the facts gathered for this render): no second round of queries.
  const access = firstLoad ? planAccess(standing.abilities, latest) : 'none';
  const renderedPlan = access === 'read' || access === 'write' ? await renderedDocState(planName) : null;
  return (
    <BoardShell
      board={board}
      me={{ userId: principal.userId, name: principal.name, ...standing }}
      members={members}
      invites={invites}
      renderedPlan={renderedPlan}
      emergency={{ number: env().EMERGENCY_NUMBER, crisisLine: env().CRISIS_LINE }}
    />
  );
}
