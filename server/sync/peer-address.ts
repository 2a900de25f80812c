import { env } from '../env';

/**
 * Where the other processes reach this one for the boards it serves: PEER_ADDRESS, else this
 * machine's loopback on PORT (several processes on one machine). Compared as written.
 */
export function peerAddress(): string {
  const config = env();
  return config.PEER_ADDRESS ?? `127.0.0.1:${config.PORT}`;
}
