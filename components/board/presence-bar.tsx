import { personColour } from '../browser/colour';
import type { ChannelStatus, PresencePerson } from '../hooks/use-board-channel';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    parts.length > 1 ? `${parts[0]?.[0] ?? ''}${parts[parts.length - 1]?.[0] ?? ''}` : name.slice(0, 2)
  ).toUpperCase();
}

const STATUS_LABEL: Record<ChannelStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline: reconnecting…',
  'access-lost': 'No access',
  'signed-out': 'Signed out',
  deleted: 'Deleted',
};

export function PresenceBar({ people, status }: { people: PresencePerson[]; status: ChannelStatus }) {
  return (
    <div className="presence" aria-label="People on the board now">
      <ul className="presence-list" data-testid="presence">
        {people.map((person) => (
          <li key={person.userId} title={`${person.name}${person.section ? ` · ${person.section}` : ''}`}>
            <span className="avatar" style={{ background: personColour(person.userId) }} aria-hidden="true">
              {initials(person.name)}
            </span>
            <span className="visually-hidden">{person.name}</span>
          </li>
        ))}
      </ul>
      <span className={`status-dot status-${status}`} role="status">
        {STATUS_LABEL[status]}
      </span>
    </div>
  );
}
