import { parseCookie } from 'cookie';
import { decode } from 'next-auth/jwt';
import { env } from '../env';
import type { Principal } from './principal';
import { principalForSession } from './sessions';

/** next-auth names its cookie with a __Secure- prefix when served over https. */
export const SESSION_COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

/** Verifies a session cookie value: signature and expiry of the JWT, then the live session row. */
export async function principalFromSessionToken(token: string | undefined): Promise<Principal | null> {
  if (!token) return null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: env().secret });
  } catch {
    return null;
  }
  const sid = payload?.sid;
  const uid = payload?.uid;
  if (typeof sid !== 'string' || typeof uid !== 'string') return null;
  return principalForSession(sid, uid);
}

/**
 * Parses a raw Cookie header (websocket upgrades arrive without Next's cookie helpers). A value
 * with a malformed percent-escape is kept as sent; of two cookies with one name, the first counts.
 */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const [name, value] of Object.entries(parseCookie(header ?? ''))) {
    if (value !== undefined) cookies.set(name, value);
  }
  return cookies;
}

export function sessionTokenFrom(get: (name: string) => string | undefined): string | undefined {
  for (const name of SESSION_COOKIE_NAMES) {
    const value = get(name);
    if (value) return value;
  }
  return undefined;
}

export function principalFromCookieHeader(header: string | undefined): Promise<Principal | null> {
  const cookies = parseCookieHeader(header);
  return principalFromSessionToken(sessionTokenFrom((name) => cookies.get(name)));
}
