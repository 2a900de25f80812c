import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { env } from '../env';
import { TrustedProxies } from './trusted-proxies';

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** One spelling per address, so that limits keyed on it count `::ffff:1.2.3.4` and `1.2.3.4` together. */
function normalise(address: string): string {
  return MAPPED_IPV4.exec(address)?.[1] ?? address.toLowerCase();
}

/** An X-Forwarded-For entry as proxies write it: `1.2.3.4`, `1.2.3.4:5678`, `[::1]:5678` or `::1`. */
function forwardedAddress(entry: string): string | null {
  const trimmed = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(trimmed);
  const address = bracketed?.[1] ?? withPort?.[1] ?? trimmed;
  return isIP(address) ? normalise(address) : null;
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy. Then X-Forwarded-For
 * is read from the right (each proxy appends the address it saw), skipping trusted proxies: the
 * first address that is not one is the client. Anything left of it was written by the client
 * and is never believed; an entry that is not an address stops the walk at the proxy before it.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let client = socketAddress ? normalise(socketAddress) : 'unknown';
  if (trusted.empty || !trusted.has(client)) return client;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header.split(',').filter((hop) => hop.trim() !== '');
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = forwardedAddress(hops[i] ?? '');
    if (hop === null) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}

let trustedProxies: TrustedProxies | undefined;

/** The client address of a request to the custom server, from TRUSTED_PROXIES (server/env.ts). */
export function clientAddressOf(req: IncomingMessage): string {
  trustedProxies ??= new TrustedProxies(env().TRUSTED_PROXIES);
  return resolveClientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies);
}
