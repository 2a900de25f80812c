import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { audit } from '../audit';
import { env } from '../env';
import { publish } from '../events/bus';
import { SignInSchema } from '../../lib/schemas/users';
import { findUserByEmail } from './users';
import { dummyPasswordHash, verifyPassword } from './password';
import { beginSignIn, waitInWords } from './rate-limit';
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from './sessions';

/**
 * The custom server sets this header to the client's address (server/http/client-address.ts),
 * overwriting any sent by a client.
 */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';

function clientAddressFrom(headers: Record<string, unknown> | undefined): string {
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return typeof value === 'string' ? value : 'unknown';
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
          const { email, password } = parsed.data;
          // Counted before the password is checked: concurrent guesses each take a turn.
          const attempt = await beginSignIn(email, clientAddressFrom(req.headers));
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
          await audit({ action: 'sign-in', userId: user.id });
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // On sign-in only: bind the token to a revocable session row.
        if (user) {
          token.uid = user.id;
          token.sid = await createSession(user.id);
        }
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
