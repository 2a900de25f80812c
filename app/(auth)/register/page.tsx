import { Suspense } from 'react';
import { RegisterForm } from '@/components/auth/register-form';
import { env } from '@/server/env';

export default function RegisterPage() {
  return (
    <div className="page-narrow">
      <Suspense>
        <RegisterForm idleSeconds={env().SHARED_SESSION_IDLE_SECONDS} />
      </Suspense>
    </div>
  );
}
