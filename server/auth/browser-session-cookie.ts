import { decode } from 'next-auth/jwt';
import { SESSION_COOKIE_NAMES } from './token';

/** Attributes that make a cookie outlive the browser; without them it is a session cookie. */
const LIFETIME_ATTRIBUTE = /;\s*(expires|max-age)=[^;]*/gi;

function cookieName(line: string): string {
  return line.slice(0, line.indexOf('=')).trim();
}

function isDeletion(line: string): boolean {
  const value =
    line
      .slice(line.indexOf('=') + 1)
      .split(';')[0]
      ?.trim() ?? '';
  return value === '' || /;\s*max-age=0\b/i.test(line);
}

async function isSharedSessionCookie(line: string, secret: string): Promise<boolean> {
  if (!(SESSION_COOKIE_NAMES as readonly string[]).includes(cookieName(line)) || isDeletion(line)) return false;
  const token = line
    .slice(line.indexOf('=') + 1)
    .split(';')[0]
    ?.trim();
  try {
    return (await decode({ token, secret }))?.shared === true;
  } catch {
    return false;
  }
}

/**
 * next-auth gives every session cookie the session's lifetime (a week), and renews it on each
 * session read. A sign-in on a shared or family computer must end when the browser closes: its
 * cookie, marked by the `shared` claim the jwt callback put in its token, loses Expires and
 * Max-Age here, on every answer of next-auth's routes that sets it. (A browser set to restore
 * its last session keeps session cookies; the idle limit on the session row still ends it.)
 */
export async function untilBrowserCloses(response: Response, secret: string): Promise<Response> {
  const lines = response.headers.getSetCookie();
  const rewritten = await Promise.all(
    lines.map(async (line) =>
      (await isSharedSessionCookie(line, secret)) ? line.replace(LIFETIME_ATTRIBUTE, '') : line,
    ),
  );
  if (rewritten.every((line, i) => line === lines[i])) return response;
  const copy = new Response(response.body, response);
  copy.headers.delete('set-cookie');
  for (const line of rewritten) copy.headers.append('set-cookie', line);
  return copy;
}
