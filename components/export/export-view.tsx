import Link from 'next/link';
import type { BoardExport } from '@/server/boards/export';
import { roleLabel } from '@/lib/roles';
import { When } from '../ui/when';
import { AttemptExport } from './attempt-export';
import { PrintButton } from './print-button';
import { Block, Text } from './values';
import './export.css';

/**
 * The printable page of a board's export: the same data as the JSON download, for reading on
 * paper. It holds the date and place: the page says so before anything else.
 */
export function ExportView({ boardId, data }: { boardId: string; data: BoardExport }) {
  return (
    <div className="page export-page" data-testid="export">
      <div className="export-tools spread">
        <Link href={`/boards/${boardId}`}>Back to the board</Link>
        <div className="row">
          <a className="button button-secondary" href={`/api/boards/${boardId}/export`} download>
            Download (JSON)
          </a>
          <PrintButton />
        </div>
      </div>
      <p className="alert alert-info small">
        Everything of this board that {data.exportedBy} can see. It holds the date and place: keep the paper out of
        sight.
      </p>
      <h1>{data.board.title}</h1>
      <p className="muted small">
        Exported by {data.exportedBy} ({roleLabel(data.role)}) · <When ms={Date.parse(data.exportedAt)} />
      </p>
      <Block title="Team">
        <ul className="export-list">
          {data.members.map((member) => (
            <li key={member.userId}>
              {member.name} · {roleLabel(member.role)}
              {member.email ? ` · ${member.email}` : ''}
            </li>
          ))}
        </ul>
      </Block>
      {data.attempts.map((attempt) => (
        <AttemptExport key={attempt.number} attempt={attempt} members={data.members} />
      ))}
      {data.notes !== null ? (
        <Block title="Private notes (interventionists only)">
          <Text>{data.notes}</Text>
        </Block>
      ) : null}
      {data.versions.length > 0 ? (
        <Block title="Named versions">
          <ul className="export-list">
            {data.versions.map((version) => (
              <li key={version.id}>
                {version.label} · attempt {version.attempt} · <When ms={version.at} />
              </li>
            ))}
          </ul>
        </Block>
      ) : null}
      {data.visits ? (
        <Block title="Who opened the logistics and the safety plan">
          <ul className="export-list">
            {data.visits.log.map((visit, index) => (
              <li key={`${visit.at}-${index}`}>
                {visit.name} opened {visit.section} · <When ms={visit.at} />
              </li>
            ))}
          </ul>
        </Block>
      ) : null}
      {data.invites ? (
        <Block title="Invites">
          <ul className="export-list">
            {data.invites.map((invite) => (
              <li key={invite.id}>
                {invite.label || 'Invite'} · {roleLabel(invite.role)} · {invite.status}
                {invite.claimedBy ? ` · used by ${invite.claimedBy.name} (${invite.claimedBy.email})` : ''}
              </li>
            ))}
          </ul>
        </Block>
      ) : null}
      {data.audit ? (
        <Block title="Activity log">
          <ul className="export-list export-audit">
            {data.audit.map((entry, index) => (
              <li key={index}>
                <When ms={entry.at} /> · {entry.userName ?? 'someone'} · {entry.action}
              </li>
            ))}
          </ul>
        </Block>
      ) : null}
    </div>
  );
}
