'use client';

import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { personHex } from '../browser/colour';

/**
 * Colours far apart in hue, each dark enough for white text at 4.5:1 or more, the most distinct
 * first. A colour hashed from the user id alone lets two people land on the same shade; handing
 * them out in the board's member order gives everyone on a board (up to ten) one of their own.
 */
const PALETTE = [
  '#1d5f8a',
  '#a3312a',
  '#2e6b3a',
  '#6b3fa0',
  '#8a4a00',
  '#9b2c6e',
  '#505d12',
  '#00676b',
  '#2c3f9e',
  '#3e4a56',
] as const;

type ColourOf = (userId: string) => string;

/** Outside a board page (or for someone no longer on it) the colour hashed from the id. */
const PeopleColours = createContext<ColourOf>(personHex);

/** Gives every member of the board their colour, in the order the server lists the members. */
export function PeopleColoursProvider({ memberIds, children }: { memberIds: readonly string[]; children: ReactNode }) {
  const key = memberIds.join(' ');
  const colours = useMemo(
    () => new Map(key.split(' ').map((userId, index) => [userId, PALETTE[index % PALETTE.length] ?? PALETTE[0]])),
    [key],
  );
  const colourOf = useCallback((userId: string) => colours.get(userId) ?? personHex(userId), [colours]);
  return <PeopleColours.Provider value={colourOf}>{children}</PeopleColours.Provider>;
}

/** The colour of a person on this board: the same on their name tags, the menu and the header. */
export function usePersonColour(): ColourOf {
  return useContext(PeopleColours);
}
