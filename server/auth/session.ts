import { cookies } from 'next/headers';
import type { Principal } from './principal';
import { principalFromSessionToken, sessionTokenFrom } from './token';

/** The signed-in person behind the current request (route handler or server component). */
export async function currentPrincipal(): Promise<Principal | null> {
  const jar = await cookies();
  return principalFromSessionToken(sessionTokenFrom((name) => jar.get(name)?.value));
}
