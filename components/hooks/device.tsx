'use client';

import { createContext, type ReactNode, useContext } from 'react';

/**
 * Whether this browser is a shared or family computer, as the session was opened (the sign-in
 * choice; the server decides from the session row). Documents keep no copy in the browser there.
 */
const SharedDevice = createContext(false);

export function DeviceScope({ shared, children }: { shared: boolean; children: ReactNode }) {
  return <SharedDevice.Provider value={shared}>{children}</SharedDevice.Provider>;
}

/** false on a shared computer: nothing of a board may be stored in its browser. */
export function useKeepsLocalCopies(): boolean {
  return !useContext(SharedDevice);
}
