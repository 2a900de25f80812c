import { usePersonColour } from '../../board/people-colours';
import type { Peer } from '../../hooks/use-peers';

/** Small coloured name tags: who else is in this field right now. */
export function FieldPresence({ peers }: { peers: Peer[] }) {
  const colourOf = usePersonColour();
  if (peers.length === 0) return null;
  const unique = [...new Map(peers.map((peer) => [peer.user.userId, peer])).values()];
  return (
    <span className="field-presence" data-testid="field-presence">
      {unique.map((peer) => (
        <span key={peer.user.userId} className="field-tag" style={{ background: colourOf(peer.user.userId) }}>
          {peer.user.name}
        </span>
      ))}
      <span className="visually-hidden"> {unique.length === 1 ? 'is' : 'are'} editing this field</span>
    </span>
  );
}

export function peersIn(peers: Peer[], key: string | undefined): Peer[] {
  return key ? peers.filter((peer) => peer.field === key) : [];
}
