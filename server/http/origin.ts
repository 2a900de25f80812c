import { env } from '../env';

/**
 * The one Origin check, used by the API route wrapper (server/http/route.ts), next-auth's route,
 * the upgrade router for /yjs/ (server/upgrade.ts) and socket.io's handshake (allowRequest).
 *
 * A request that names another origin is refused (403), whatever its method: a page elsewhere,
 * including a sibling site that SameSite=Lax cookies do not keep out, may not act or open a
 * socket with a visitor's session. "null" (sandboxed frames, some redirects) is another origin.
 *
 * A request without an Origin header passes: browsers send one on every websocket upgrade and
 * every cross-origin request that is not a plain GET, so its absence means a client that is not
 * a browser (scripts, the tests, the bench), which holds its own cookie and needs no protecting.
 * The one browser request that could arrive without it, an old browser's cross-site form post,
 * carries a form content type, which the route wrapper refuses (415).
 *
 * The allowed origin is the app's own, from NEXTAUTH_URL (server/env.ts), never from the request:
 * behind a proxy the Host header may be rewritten or forwarded from the client, so a rule "Origin
 * must match Host" would follow whatever the request claims. Set NEXTAUTH_URL to the public address.
 */
export type OriginVerdict = 'same-origin' | 'absent' | 'foreign';

export function originVerdict(origin: string | readonly string[] | null | undefined, allowed: string): OriginVerdict {
  if (origin === null || origin === undefined) return 'absent';
  // Two Origin headers are not one origin.
  if (typeof origin !== 'string') return 'foreign';
  return origin === allowed ? 'same-origin' : 'foreign';
}

/** The app's own origin, e.g. `https://harbor.example`. */
export function appOrigin(): string {
  return env().origin;
}

/** True when the request names an origin other than the app's own. */
export function isForeignOrigin(origin: string | readonly string[] | null | undefined): boolean {
  return originVerdict(origin, appOrigin()) === 'foreign';
}

/** socket.io's `allowRequest`: the handshake from another origin is refused (engine.io answers 403). */
export function allowSameOriginHandshake(
  req: { headers: { origin?: string | string[] } },
  callback: (error: string | null | undefined, success: boolean) => void,
): void {
  if (isForeignOrigin(req.headers.origin)) callback('This connection came from another site.', false);
  else callback(null, true);
}
