'use client';

import type { BoardDetail } from '@/server/boards/boards';
import type { InviteSummary } from '@/server/boards/invites';
import type { Member } from '@/server/boards/members';
import type { RenderedDocState } from '@/server/update-log/page-state';
import { RoleBadge } from '../ui/role-badge';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { Notifications } from '../tools/notifications';
import { Alert } from '../ui/alert';
import { ExportCard } from './export-card';
import type { Me } from './me';
import { MembersPanel } from './members-panel';
import { PeopleColoursProvider } from './people-colours';
import { PlanBoard } from '../plan/plan-board';
import { PresenceBar } from './presence-bar';
import { useForgetCopiesOnEnd } from './use-forget-copies';
import { type ChannelStatus, useBoardChannel } from '../hooks/use-board-channel';
import { BOARD_TOPICS } from '@/lib/protocol/board-events';

// Rendered only for those whose abilities include them: the family and viewers (most of a
// board's people, often on a phone) never fetch their code, about 3 KB of gzipped script.
const InviteNext = dynamic(() => import('./managing-cards').then((cards) => cards.InviteNext));
const InvitesPanel = dynamic(() => import('./managing-cards').then((cards) => cards.InvitesPanel));
const VisitsPanel = dynamic(() => import('./managing-cards').then((cards) => cards.VisitsPanel));
const DangerZone = dynamic(() => import('./managing-cards').then((cards) => cards.DangerZone));

const STATUS_MESSAGES: Partial<Record<ChannelStatus, string>> = {
  'access-lost': 'You no longer have access to this board.',
  'signed-out': 'You were signed out. Sign in again to continue.',
  deleted: 'This board was deleted.',
};

export function BoardShell(props: {
  board: BoardDetail;
  me: Me;
  members: Member[];
  invites: InviteSummary[] | null;
  /** The plan of the latest attempt as stored when the page was rendered (null: the socket brings it). */
  renderedPlan?: RenderedDocState | null;
  /** Emergency and crisis numbers for the safety plan (a setting: they differ by country). */
  emergency?: { number: string; crisisLine: string } | null;
}) {
  const { board, me, members, invites, renderedPlan = null, emergency = null } = props;
  // Every change refreshes the server-rendered records (members, invites, attempts), as it always did.
  const { people, status, socket } = useBoardChannel(board.id, { refreshPageOn: BOARD_TOPICS });
  const ended = STATUS_MESSAGES[status];
  useForgetCopiesOnEnd(status, board.id, me.userId);
  // A new board, with nobody invited yet, says what comes next at the top.
  const alone =
    members.length <= 1 && (invites ?? []).every((invite) => invite.status !== 'open' && invite.status !== 'waiting');
  return (
    <PeopleColoursProvider memberIds={members.map((member) => member.userId)}>
      <div className="page board-page">
        <div className="board-head">
          <h1 data-testid="board-title">{board.title}</h1>
        </div>
        <p className="muted small board-role">
          You are on this board as <RoleBadge role={me.role} />
        </p>
        {/* Not prefetched: each is rendered per request, and fetching all four as the board opens
            costs a phone on a poor connection four requests while its plan is still coming. */}
        <nav className="board-links small" aria-label="Board pages">
          <Link href={`/boards/${board.id}/history`} prefetch={false}>
            History
          </Link>
          <Link href={`/boards/${board.id}/review`} prefetch={false}>
            Debrief and next attempt
          </Link>
          <Link href={`/boards/${board.id}/run`} prefetch={false}>
            Run mode
          </Link>
          <Link href={`/boards/${board.id}/packet`} prefetch={false}>
            Packet for the day
          </Link>
        </nav>
        <PresenceBar people={people} status={status} myUserId={me.userId} />
        {invites && alone && !ended ? <InviteNext /> : null}
        {ended ? (
          <Alert kind="error">{ended}</Alert>
        ) : (
          // Unmounted when access ends, which closes every document connection of the page.
          <PlanBoard
            boardId={board.id}
            attempts={board.attempts}
            me={me}
            members={members}
            socket={socket}
            people={people}
            emergency={emergency}
            renderedPlan={renderedPlan}
          />
        )}
        <Notifications socket={socket} boardId={board.id} />
        <div className="board-access">
          <MembersPanel boardId={board.id} me={me} members={members} />
          {invites ? <InvitesPanel boardId={board.id} invites={invites} /> : null}
          {me.abilities.can['visits.view'] && !ended ? <VisitsPanel boardId={board.id} /> : null}
          {me.abilities.can['board.export'] && !ended ? <ExportCard boardId={board.id} /> : null}
          {me.abilities.can['board.delete'] ? <DangerZone boardId={board.id} title={board.title} /> : null}
        </div>
      </div>
    </PeopleColoursProvider>
  );
}
