/**
 * Where the clients of a server of several processes connect. Behind one proxy, people's
 * sockets reach any of the processes while their pages all come from the one public address,
 * so every socket sends that address as its Origin whichever process it reaches.
 */
export interface Endpoints {
  /** One websocket address per process (ws://host:port). */
  wsBases: string[];
  /** The page origin every client sends (the public address, http://host:port). */
  origin: string;
}

/** Where one socket connects and the Origin it sends (null: the one of its own address, as a page there would). */
export interface Endpoint {
  wsBase: string;
  origin: string | null;
}

/**
 * Socket `index` of a job goes to process `index mod n`: a board's sockets alternate between
 * the processes, so about half of them reach a process that does not serve the board.
 */
export function endpointFor(wsBase: string, endpoints: Endpoints | null | undefined, index: number): Endpoint {
  if (!endpoints || endpoints.wsBases.length === 0) return { wsBase, origin: null };
  const n = endpoints.wsBases.length;
  return { wsBase: endpoints.wsBases[((index % n) + n) % n] ?? wsBase, origin: endpoints.origin };
}
