/**
 * Ends this browser's session through next-auth's own sign-out endpoint (which deletes the
 * session row and clears the cookie), without next-auth/react: that client, with the runtime
 * its build carries, is about 10 KB of gzipped script on every page, for two requests. The page
 * uses no SessionProvider, so there are no other tabs' session caches to tell.
 */
export async function endSession(): Promise<void> {
  const csrf = await fetch('/api/auth/csrf', { credentials: 'same-origin', cache: 'no-store' });
  if (!csrf.ok) throw new Error(`sign-out failed: ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: unknown };
  if (typeof csrfToken !== 'string') throw new Error('sign-out failed: no CSRF token');
  const answer = await fetch('/api/auth/signout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  if (!answer.ok) throw new Error(`sign-out failed: ${answer.status}`);
}

/** Ends the session, then opens the sign-in page (a fresh load: nothing of the board stays in memory). */
export async function signOutToSignIn(): Promise<void> {
  try {
    await endSession();
  } finally {
    window.location.assign('/signin');
  }
}
