'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../browser/api';
import { formText } from '../browser/form-text';
import { Alert } from '../ui/alert';
import { Field } from '../ui/field';

/** Changing the password signs out every other device (server/auth/password-change.ts). */
export function ChangePasswordForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    setFields({});
    setDone(null);
    try {
      const result = await api<{ signedOut: number }>('/api/account/password', {
        method: 'PUT',
        body: { currentPassword: formText(data, 'current-password'), newPassword: formText(data, 'new-password') },
      });
      form.reset();
      setDone(result.signedOut);
      // The devices list above drops the ones just signed out.
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not change the password.');
      if (caught instanceof ApiError) {
        setFields({
          'current-password': caught.fields.currentPassword ?? [],
          'new-password': caught.fields.newPassword ?? [],
        });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card stack"
      aria-labelledby="password-heading"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      <h2 id="password-heading">Change password</h2>
      {done !== null ? (
        <Alert kind="success">
          Password changed.{' '}
          {done === 0
            ? 'No other device was signed in.'
            : `Signed out on ${done} other device${done === 1 ? '' : 's'}.`}
        </Alert>
      ) : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      <Field
        id="current-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={fields['current-password']}
        required
      />
      <Field
        id="new-password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. Your other devices are signed out."
        errors={fields['new-password']}
        required
      />
      <div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
