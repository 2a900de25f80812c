import { listNames } from '@/lib/run/labels';
import { roleLabel } from '@/lib/roles';
import type { Packet } from '@/server/packets/packet';
import { EscortFacts, SafetyFacts } from '../run/sheet-facts';
import { PacketLetter } from './packet-letter';

const ROLE_WORDS: Record<string, string> = {
  chair: 'Chair',
  speaker: 'Speaker',
  closer: 'Closer (reads last)',
  escort: 'Escort to treatment',
  follower: 'Follows them if they walk out',
  'safety-lead': 'Safety lead',
  'emergency-caller': 'Calls emergency services',
};

function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return `${n}th`;
  const last = n % 10;
  return `${n}${last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th'}`;
}

function Part({ packet }: { packet: Packet }) {
  return (
    <section className="packet-section">
      <h3>Your part</h3>
      <p>On the board as {roleLabel(packet.person.role)}.</p>
      {packet.places.length === 0 ? (
        <p className="muted">You are not on the team cards, so you have no place in the speaking order.</p>
      ) : (
        packet.places.map(({ card, place, of }) => (
          <ul key={card.itemId} className="packet-list">
            <li data-testid="packet-place">
              {card.attendance === 'letter-read'
                ? `Your letter is read ${ordinal(place)} of ${of}, by ${card.readBy || 'someone else'}.`
                : `You read ${ordinal(place)} of ${of}.`}
            </li>
            {card.seat && card.attendance === 'attends' ? <li>Seat: {card.seat}</li> : null}
            {card.roles.length > 0 ? <li>Roles: {card.roles.map((r) => ROLE_WORDS[r] ?? r).join(', ')}</li> : null}
          </ul>
        ))
      )}
      {packet.readsFor.map((card) => (
        <p key={card.itemId}>You also read {card.name}’s letter for them.</p>
      ))}
    </section>
  );
}

function Playbooks({ packet }: { packet: Packet }) {
  return (
    <section className="packet-section">
      <h3>If something goes wrong</h3>
      {packet.playbooks.length === 0 ? <p className="muted">No playbooks in the plan yet.</p> : null}
      {packet.playbooks.map((playbook) => (
        <div key={playbook.id} className={`packet-playbook${playbook.youAct ? ' is-mine' : ''}`}>
          <h4>
            {playbook.title}
            {playbook.youAct ? <span className="packet-mark"> · You act</span> : null}
          </h4>
          {playbook.trigger ? <p>When: {playbook.trigger}</p> : null}
          <p>
            Who acts:{' '}
            {playbook.actorNames.length > 0 ? listNames(playbook.actorNames) : playbook.who || 'not named yet'}
          </p>
          {playbook.steps ? <p className="packet-steps">{playbook.steps}</p> : null}
          <p className="packet-you">
            {playbook.youAct ? 'You: do these steps.' : 'You: stay seated and calm, and follow the interventionist.'}
          </p>
        </div>
      ))}
    </section>
  );
}

function Safety({ packet }: { packet: Packet }) {
  const { safety, emergency } = packet.sheet;
  return (
    <section className="packet-section">
      <h3>Safety plan</h3>
      <SafetyFacts safety={safety} emergency={emergency} className="packet-facts" />
    </section>
  );
}

function Treatment({ packet }: { packet: Packet }) {
  const { escort, treatment } = packet.sheet;
  return (
    <section className="packet-section">
      <h3>Treatment and escort</h3>
      <EscortFacts escort={escort} className="packet-facts" />
      {treatment.length === 0 ? (
        <p className="muted">No treatment options in the plan yet.</p>
      ) : (
        <ul className="packet-list">
          {treatment.map((option) => (
            <li key={option.id}>
              {option.name || 'Unnamed option'}
              {option.level ? ` (${option.level})` : ''}
              {option.admissionDate ? `, admission ${option.admissionDate}` : ''}
              {option.bedHeld ? ', bed held' : ''}
              {option.contact ? `, ${option.contact}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One person's packet, as printed: everything is theirs to read, nothing of anyone else's letters. */
export function PacketView({ packet, boardTitle, attempt }: { packet: Packet; boardTitle: string; attempt: number }) {
  const { when } = packet.sheet;
  return (
    <article className="packet" data-testid="packet" aria-labelledby={`packet-${packet.person.userId}`}>
      <p className="packet-private">Private: keep this with you, and out of sight of the person you are helping.</p>
      <h2 id={`packet-${packet.person.userId}`}>{packet.person.name}’s packet</h2>
      <p className="muted">
        {boardTitle} · attempt {attempt}
        {when.date ? ` · ${when.date}${when.time ? ` at ${when.time}` : ''}` : ''}
      </p>
      <Part packet={packet} />
      {packet.letters ? (
        <section className="packet-section">
          <h3>Your letters</h3>
          <PacketLetter title="Impact letter" letter={packet.letters.impact} />
          <PacketLetter title="Bottom-line letter (read only if they refuse)" letter={packet.letters.bottomLine} />
        </section>
      ) : null}
      <section className="packet-section">
        <h3>Your bottom lines</h3>
        {packet.bottomLines.length === 0 ? (
          <p className="muted">None written under your name.</p>
        ) : (
          <ul className="packet-list">
            {packet.bottomLines.map((line) => (
              <li key={line.id}>{line.statement}</li>
            ))}
          </ul>
        )}
      </section>
      <Playbooks packet={packet} />
      <Safety packet={packet} />
      <Treatment packet={packet} />
    </article>
  );
}
