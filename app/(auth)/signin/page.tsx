import { cookies } from 'next/headers';
import { Suspense } from 'react';
import { SignInForm } from '@/components/auth/sign-in-form';
import { currentPrincipal } from '@/server/auth/session';
import { env } from '@/server/env';
import { HIDDEN_COOKIE } from '@/lib/hidden';

export const dynamic = 'force-dynamic';

export default async function SignInPage() {
  // Coming back to a hidden screen on one's own device: the session is still live (a shared
  // computer's ended when it was hidden), so continuing needs no password.
  const resume = (await cookies()).has(HIDDEN_COOKIE) && (await currentPrincipal()) !== null;
  return (
    <div className="page-narrow">
      <Suspense>
        <SignInForm resume={resume} idleSeconds={env().SHARED_SESSION_IDLE_SECONDS} />
      </Suspense>
    </div>
  );
}
