'use client';

import { useMemo, useSyncExternalStore } from 'react';
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

const NO_PEERS: Peer[] = [];

/**
 * The awareness as a store for useSyncExternalStore. Awareness also changes for things no one
 * sees (save acknowledgements): the snapshot stays the same array until the peers differ, so
 * those changes render nothing.
 */
function peersStore(awareness: Awareness | null): { subscribe(onChange: () => void): () => void; read(): Peer[] } {
  let snapshot = NO_PEERS;
  let key = '[]';
  return {
    subscribe(onChange) {
      if (!awareness) return () => undefined;
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    read() {
      if (!awareness) return NO_PEERS;
      const next = readPeers(awareness);
      const nextKey = JSON.stringify(next);
      if (nextKey !== key) {
        key = nextKey;
        snapshot = next;
      }
      return snapshot;
    },
  };
}

/** The other people connected to a document, and the field each is in. */
export function usePeers(awareness: Awareness | null): Peer[] {
  const store = useMemo(() => peersStore(awareness), [awareness]);
  return useSyncExternalStore(store.subscribe, store.read, () => NO_PEERS);
}
