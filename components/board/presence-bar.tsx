import { PLAN_SECTIONS } from '@/lib/plan/sections';
import type { ChannelStatus, PresencePerson } from '../hooks/use-board-channel';
import { usePersonColour } from './people-colours';

const STATUS_LABEL: Record<ChannelStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline: reconnecting…',
  'access-lost': 'No access',
  'signed-out': 'Signed out',
  deleted: 'Deleted',
};

/** The section someone has open, in the menu's words; nothing for another page of the board. */
function whereIs(person: PresencePerson): string | null {
  return PLAN_SECTIONS.find((section) => section.id === person.section)?.label ?? null;
}

/**
 * Who is on the board now, by name, each in their own colour and with the section they have
 * open: written out, because a phone has no tooltips. Only a live connection knows who is here,
 * so while it is down the list gives way to saying so.
 */
export function PresenceBar({
  people,
  status,
  myUserId,
}: {
  people: PresencePerson[];
  status: ChannelStatus;
  myUserId?: string;
}) {
  const colourOf = usePersonColour();
  // You first, as "You": the others are who the list is for.
  const ordered = [
    ...people.filter((person) => person.userId === myUserId),
    ...people.filter((person) => person.userId !== myUserId),
  ];
  return (
    <div className="presence" role="group" aria-label="People on the board now">
      <span className={`status-dot status-${status}`} role="status" data-testid="channel-status">
        {STATUS_LABEL[status]}
      </span>
      {status === 'live' ? (
        <ul className="presence-list" data-testid="presence">
          {ordered.map((person) => {
            const where = whereIs(person);
            return (
              <li key={person.userId} className="presence-person" data-testid="presence-person">
                <span
                  className="presence-swatch"
                  style={{ background: colourOf(person.userId) }}
                  data-testid="presence-colour"
                  aria-hidden="true"
                />
                <span className="presence-name">{person.userId === myUserId ? 'You' : person.name}</span>
                {where ? (
                  <span className="presence-where" data-testid="presence-where">
                    <span className="visually-hidden">, in </span>
                    {where}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : status === 'offline' ? (
        <span className="muted small" data-testid="presence-unknown">
          Who else is here shows again once you are back.
        </span>
      ) : null}
    </div>
  );
}
