import { parseCookie } from 'cookie';
import { decode } from 'next-auth/jwt';
import { env } from '../env';
import type { Principal, SessionClaims } from './principal';
import { principalForSession } from './sessions';

/** next-auth names its cookie with a __Secure- prefix when served over https. */
export const SESSION_COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

/** Verifies a session cookie value: signature and expiry of the JWT (not yet the session row). */
export async function claimsFromSessionToken(token: string | undefined): Promise<SessionClaims | null> {
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
  return { sessionId: sid, userId: uid };
}

/** Verifies a session cookie value: signature and expiry of the JWT, then the live session row. */
export async function principalFromSessionToken(token: string | undefined): Promise<Principal | null> {
  const claims = await claimsFromSessionToken(token);
  return claims ? principalForSession(claims.sessionId, claims.userId) : null;
}

/**
 * Parses a raw Cookie header. A value with a malformed percent-escape is kept as sent; of two
 * cookies with one name, the first is kept (use cookieValues to see them all).
 */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const [name, value] of Object.entries(parseCookie(header ?? ''))) {
    if (value !== undefined) cookies.set(name, value);
  }
  return cookies;
}

/** Every value sent under `name`, in the order of the header (each part decoded by the parser). */
export function cookieValues(header: string | undefined, name: string): string[] {
  return (header ?? '').split(';').flatMap((part) => {
    const value = parseCookie(part)[name];
    return value === undefined ? [] : [value];
  });
}

/**
 * The session token of a Cookie header, under either of next-auth's names (the https one first).
 * Two session cookies under one name mean someone set a second one (a sibling site can set a
 * cookie for the parent domain): which is meant cannot be told, and the HTTP side and the
 * websockets would each pick another, so neither counts and the request is not signed in.
 */
export function sessionTokenFrom(header: string | undefined): string | undefined {
  for (const name of SESSION_COOKIE_NAMES) {
    const values = cookieValues(header, name);
    if (values.length > 1) return undefined;
    if (values[0]) return values[0];
  }
  return undefined;
}

/**
 * The verified claims of a raw Cookie header's session token: what the web process hands the
 * sync process with a document socket, which checks that the session is live.
 */
export function claimsFromCookieHeader(header: string | undefined): Promise<SessionClaims | null> {
  return claimsFromSessionToken(sessionTokenFrom(header));
}

/** The signed-in person behind a raw Cookie header (requests, websocket upgrades, socket.io). */
export function principalFromCookieHeader(header: string | undefined): Promise<Principal | null> {
  return principalFromSessionToken(sessionTokenFrom(header));
}
