import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';

type AuthHandler = (req: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// next-auth 4 types its App Router handler as `any`; this is the shape Next calls it with.
const handler = NextAuth(authOptions()) as AuthHandler;
export { handler as GET, handler as POST };
