'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { safeRedirectPath } from '@/lib/safe-redirect';
import { Alert } from '../ui/alert';
import { Field } from '../ui/field';
import { clearHidden } from '../browser/hidden-cookie';
import { formText } from '../browser/form-text';
import { idleWords } from './idle-words';
import { SharedComputerField } from './shared-computer-field';
import './auth.css';

/** next-auth reports a bad password as "CredentialsSignin"; anything else is the lockout message. */
function describeSignInError(error: string): string {
  return error === 'CredentialsSignin' ? 'That email and password do not match an account.' : error;
}

export interface SignInFormProps {
  /** Hidden on one's own device, still signed in: they may continue without the password. */
  resume: boolean;
  idleSeconds: number;
}

export function SignInForm({ resume, idleSeconds }: SignInFormProps) {
  const router = useRouter();
  const params = useSearchParams();
  const next = safeRedirectPath(params.get('next'));
  const endedIdle = params.get('ended') === 'idle';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn('credentials', {
      redirect: false,
      email: formText(form, 'email'),
      password: formText(form, 'password'),
      shared: formText(form, 'shared') === 'true' ? 'true' : 'false',
    });
    setBusy(false);
    if (!result || result.error) {
      setError(describeSignInError(result?.error ?? 'Could not sign in. Try again.'));
      return;
    }
    clearHidden();
    router.push(next);
    router.refresh();
  }

  return (
    <div className="stack">
      {resume ? (
        <div className="card stack" data-testid="resume">
          <p>You are still signed in on this device.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              clearHidden();
              window.location.assign('/');
            }}
          >
            Continue
          </button>
        </div>
      ) : null}
      <form className="card stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <h1>Sign in</h1>
        {endedIdle ? <Alert kind="info">You were signed out after {idleWords(idleSeconds)} without use.</Alert> : null}
        {error ? <Alert kind="error">{error}</Alert> : null}
        <Field id="email" label="Email" type="email" autoComplete="email" required />
        <Field id="password" label="Password" type="password" autoComplete="current-password" required />
        <SharedComputerField idleSeconds={idleSeconds} />
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted small">
          New here?{' '}
          <Link href={`/register${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>
        </p>
      </form>
    </div>
  );
}
