import { headers } from 'next/headers';
import type { Principal } from './principal';
import { principalFromCookieHeader } from './token';

/**
 * The signed-in person behind the current request (route handler or server component). Read
 * from the raw Cookie header, as the websockets are: Next's cookie helper keeps one value per
 * name and would hide a second session cookie.
 */
export async function currentPrincipal(): Promise<Principal | null> {
  return principalFromCookieHeader((await headers()).get('cookie') ?? undefined);
}
