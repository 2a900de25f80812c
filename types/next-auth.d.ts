import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null };
  }
  /** What authorize() hands the jwt callback, which opens the session row from it. */
  interface User {
    shared?: boolean;
    userAgent?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    sid?: string;
    /** A shared or family computer's session: its cookie lasts until the browser closes. */
    shared?: boolean;
  }
}
