import { personHex } from '../../lib/person-colour';
import { MalformedMessageError, type AwarenessEntry } from './protocol';
import type { Principal } from './types';

/** Who a socket is in presence (fields, letter carets): the same shape as the browser's. */
export interface PresenceUser {
  userId: string;
  name: string;
  color: string;
}

/** The identity the server writes into a socket's awareness states, from its session. */
export function presenceUserOf(principal: Principal): PresenceUser {
  return { userId: principal.userId, name: principal.name, color: personHex(principal.userId) };
}

/**
 * The entry as the server relays it: its state's `user` is the socket's own identity, whatever
 * the browser wrote there, so nobody (a viewer included) can appear under another member's id
 * or name. An honest page already sends exactly that identity: its state goes on as sent, with
 * no JSON written again (awareness is renewed by every page every 15 s, and on every focus
 * change). A state that leaves (null) carries no identity; a state that is not an object is
 * not presence and is refused.
 */
export function withIdentity(entry: AwarenessEntry, user: PresenceUser): AwarenessEntry {
  const { state } = entry;
  if (state === null) return entry;
  if (!isRecord(state)) throw new MalformedMessageError('awareness state is not an object');
  if (isSameUser(state['user'], user)) return entry;
  const rewritten = { ...state, user };
  return { clientId: entry.clientId, clock: entry.clock, state: rewritten, stateJson: JSON.stringify(rewritten) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSameUser(value: unknown, user: PresenceUser): boolean {
  if (!isRecord(value)) return false;
  return (
    value['userId'] === user.userId &&
    value['name'] === user.name &&
    value['color'] === user.color &&
    Object.keys(value).length === 3
  );
}
