'use client';

import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from './use-synced-doc';

export interface Peer {
  clientId: number;
  user: PresenceUser;
  /** The field this person is editing (see fieldKey), or null. */
  field: string | null;
}

function isPresenceUser(value: unknown): value is PresenceUser {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Record<string, unknown>;
  return typeof user.userId === 'string' && typeof user.name === 'string' && typeof user.color === 'string';
}

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    // States come from other browsers: keep only well-formed ones.
    if (!isPresenceUser(state.user)) return;
    peers.push({ clientId, user: state.user, field: typeof state.field === 'string' ? state.field : null });
  });
  return peers;
}

/** The other people connected to a document, and the field each is in. */
export function usePeers(awareness: Awareness | null): Peer[] {
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    if (!awareness) {
      setPeers([]);
      return;
    }
    let last = '';
    // Awareness also changes for things no one sees (e.g. save acknowledgements): skip those.
    const update = () => {
      const next = readPeers(awareness);
      const key = JSON.stringify(next);
      if (key === last) return;
      last = key;
      setPeers(next);
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return peers;
}
