'use client';

import dynamic from 'next/dynamic';
import type { BoardDetail } from '@/server/boards/boards';
import type { InviteSummary } from '@/server/boards/invites';
import type { Member } from '@/server/boards/members';
import { RoleBadge } from '../ui/role-badge';
import Link from 'next/link';
import { Notifications } from '../tools/notifications';
import { Alert } from '../ui/alert';
import { DangerZone } from './danger-zone';
import { ExportCard } from './export-card';
import { InviteNext } from './invite-next';
import { InvitesPanel } from './invites-panel';
import type { Me } from './me';
import { MembersPanel } from './members-panel';
import { PeopleColoursProvider } from './people-colours';
import { PresenceBar } from './presence-bar';
import { useForgetCopiesOnEnd } from './use-forget-copies';
import { VisitsPanel } from './visits-panel';
import { type ChannelStatus, useBoardChannel } from '../hooks/use-board-channel';
import { BOARD_TOPICS } from '@/lib/protocol/board-events';

/**
 * The plan runs only in the browser: its content comes from Yjs documents, never from the server
 * render, and keeping Yjs out of the server bundle keeps it to one copy in the server process.
 */
const PlanBoard = dynamic(() => import('../plan/plan-board').then((module) => module.PlanBoard), {
  ssr: false,
  loading: () => (
    <p className="muted" role="status" style={{ marginTop: 'var(--space-5)' }}>
      Opening the plan…
    </p>
  ),
});

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
  /** Emergency and crisis numbers for the safety plan (a setting: they differ by country). */
  emergency?: { number: string; crisisLine: string } | null;
}) {
  const { board, me, members, invites, emergency = null } = props;
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
        <nav className="board-links small" aria-label="Board pages">
          <Link href={`/boards/${board.id}/history`}>History</Link>
          <Link href={`/boards/${board.id}/review`}>Debrief and next attempt</Link>
          <Link href={`/boards/${board.id}/run`}>Run mode</Link>
          <Link href={`/boards/${board.id}/packet`}>Packet for the day</Link>
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
