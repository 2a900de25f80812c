'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import { safeRedirectPath } from '@/lib/safe-redirect';
import { Alert } from '../ui/alert';
import { Field } from '../ui/field';
import { clearHidden } from '../browser/hidden-cookie';
import { formText } from '../browser/form-text';
import { SharedComputerField } from './shared-computer-field';
import './auth.css';

export function RegisterForm({ idleSeconds }: { idleSeconds: number }) {
  const router = useRouter();
  const params = useSearchParams();
  const next = safeRedirectPath(params.get('next'));
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: formText(form, 'name'),
      email: formText(form, 'email'),
      password: formText(form, 'password'),
    };
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await api('/api/register', { method: 'POST', body: input });
      const shared = formText(form, 'shared') === 'true' ? 'true' : 'false';
      const result = await signIn('credentials', {
        redirect: false,
        email: input.email,
        password: input.password,
        shared,
      });
      // The same words whether the address was new or not (server/auth/users.ts).
      if (!result || result.error)
        throw new ApiError(
          0,
          'sign-in',
          'Signing in with that password did not work. If you already have an account, sign in with its password.',
        );
      clearHidden();
      router.push(next);
      router.refresh();
    } catch (caught) {
      if (caught instanceof ApiError) {
        setError(caught.message);
        setFields(caught.fields);
      } else {
        setError('Something went wrong. Try again.');
      }
      setBusy(false);
    }
  }

  return (
    <form className="card stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h1>Create your account</h1>
      <p className="muted small">Only the people on your board see your name.</p>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <Field
        id="name"
        label="Your name"
        autoComplete="given-name"
        hint="A first name is enough."
        errors={fields.name}
        required
      />
      <Field id="email" label="Email" type="email" autoComplete="email" errors={fields.email} required />
      <Field
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        errors={fields.password}
        required
      />
      <SharedComputerField idleSeconds={idleSeconds} />
      <button className="button" type="submit" disabled={busy}>
        {busy ? 'Creating account…' : 'Create account'}
      </button>
      <p className="muted small">
        Already have an account?{' '}
        <Link href={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign in</Link>
      </p>
    </form>
  );
}
