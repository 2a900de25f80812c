import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { audit } from '../audit';
import { env } from '../env';
import { publish } from '../events/bus';
import { SignInSchema } from '../../lib/schemas/users';
import { findUserByEmail } from './users';
import { dummyPasswordHash, verifyPassword } from './password';
import { beginSignIn, waitInWords } from './rate-limit';
import { createSession, principalForSession, revokeSession, SESSION_MAX_AGE_SECONDS } from './sessions';

/**
 * Thrown by the jwt callback for a token whose session row has ended (signed out elsewhere,
 * idle, revoked): next-auth then answers the session read with nothing and clears the cookie,
 * rather than telling whoever holds the browser the name and address of a dead session.
 */
const SESSION_ENDED = 'session ended';

/**
 * The custom server sets this header to the client's address (server/http/client-address.ts),
 * overwriting any sent by a client.
 */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';

function headerFrom(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === 'string' ? value : null;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().secret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const parsed = SignInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const { email, password, shared } = parsed.data;
          // Counted before the password is checked: concurrent guesses each take a turn.
          const attempt = await beginSignIn(email, headerFrom(req.headers, CLIENT_ADDRESS_HEADER) ?? 'unknown');
          if (!attempt.allowed) {
            await audit({ action: 'sign-in.blocked', userId: null, detail: { email } });
            throw new Error(`Too many attempts. ${waitInWords(attempt.retryAfterMs)} and try again.`);
          }
          const user = await findUserByEmail(email);
          const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
          if (!user || !ok) {
            await audit({ action: 'sign-in.failed', userId: user?.id ?? null, detail: { email } });
            return null;
          }
          await attempt.succeeded();
          await audit({ action: 'sign-in', userId: user.id, detail: { shared } });
          const userAgent = headerFrom(req.headers, 'user-agent') ?? '';
          return { id: user.id, email: user.email, name: user.name, shared, userAgent };
        },
      }),
    ],
    logger: {
      error(code, metadata) {
        // An ended session is an answer, not a failure: nothing to log.
        if (code === 'JWT_SESSION_ERROR' && metadata instanceof Error && metadata.message === SESSION_ENDED) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        // On sign-in only: bind the token to a revocable session row.
        if (user) {
          const shared = user.shared === true;
          token.uid = user.id;
          token.sid = await createSession(user.id, { userAgent: user.userAgent ?? '', shared });
          // Read by the cookie rewrite (browser-session-cookie.ts): no DB lookup per answer.
          token.shared = shared;
          return token;
        }
        const live =
          typeof token.sid === 'string' && typeof token.uid === 'string'
            ? await principalForSession(token.sid, token.uid)
            : null;
        if (!live) throw new Error(SESSION_ENDED);
        return token;
      },
      async session({ session, token }) {
        if (session.user && typeof token.uid === 'string') session.user.id = token.uid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        const sid = token?.sid;
        if (typeof sid !== 'string') return;
        await revokeSession(sid);
        await audit({ action: 'sign-out', userId: typeof token.uid === 'string' ? token.uid : null });
        publish({ type: 'session-revoked', sessionId: sid });
      },
    },
  };
}
