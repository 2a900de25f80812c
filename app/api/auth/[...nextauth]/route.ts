import NextAuth from 'next-auth';
import { untilBrowserCloses } from '@/server/auth/browser-session-cookie';
import { authOptions } from '@/server/auth/options';
import { env } from '@/server/env';
import { noStore } from '@/server/http/edge';
import { foreignOrigin } from '@/server/http/errors';
import { isForeignOrigin } from '@/server/http/origin';

type AuthHandler = (req: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// next-auth 4 types its App Router handler as `any`; this is the shape Next calls it with.
const nextAuth = NextAuth(authOptions()) as AuthHandler;

/**
 * next-auth's routes take forms and check their own CSRF token, so only the origin check of the
 * API edge applies here (a sign-in, sign-out or session read from another site is refused), and
 * no answer may be cached. A shared computer's session cookie ends with the browser.
 */
const handler: AuthHandler = async (req, context) => {
  if (isForeignOrigin(req.headers.get('origin'))) {
    const { status, code, message } = foreignOrigin();
    return noStore(Response.json({ error: { code, message } }, { status }));
  }
  return noStore(await untilBrowserCloses(await nextAuth(req, context), env().secret));
};
export { handler as GET, handler as POST };
