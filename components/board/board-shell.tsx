'use client';

import type { BoardDetail } from '@/lib/boards/boards';
import type { InviteSummary } from '@/lib/boards/invites';
import type { Member } from '@/lib/boards/members';
import type { Role } from '@/lib/db/schema';
import { RoleBadge } from '../boards/role-badge';
import { Alert } from '../ui/alert';
import { DangerZone } from './danger-zone';
import { InvitesPanel } from './invites-panel';
import { MembersPanel } from './members-panel';
import { PresenceBar } from './presence-bar';
import { type ChannelStatus, useBoardChannel } from './use-board-channel';

export interface Me {
  userId: string;
  name: string;
  role: Role;
}

const STATUS_MESSAGES: Partial<Record<ChannelStatus, string>> = {
  'access-lost': 'You no longer have access to this board.',
  'signed-out': 'You were signed out. Sign in again to continue.',
  deleted: 'This board was deleted.',
};

export function BoardShell(props: { board: BoardDetail; me: Me; members: Member[]; invites: InviteSummary[] | null }) {
  const { board, me, members, invites } = props;
  const { people, status } = useBoardChannel(board.id);
  const ended = STATUS_MESSAGES[status];
  return (
    <div className="page stack">
      <div className="spread">
        <div>
          <h1 data-testid="board-title">{board.title}</h1>
          <p className="muted small">
            You are on this board as <RoleBadge role={me.role} />
          </p>
        </div>
        <PresenceBar people={people} status={status} />
      </div>
      {ended ? <Alert kind="error">{ended}</Alert> : null}
      <MembersPanel boardId={board.id} me={me} members={members} />
      {invites ? <InvitesPanel boardId={board.id} invites={invites} /> : null}
      {me.role === 'interventionist' ? <DangerZone boardId={board.id} title={board.title} /> : null}
    </div>
  );
}
