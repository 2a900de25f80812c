'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import { Alert } from '../ui/alert';
import { Field } from '../ui/field';

export function DangerZone({ boardId, title }: { boardId: string; title: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [confirmTitle, setConfirmTitle] = useState('');
  const [busy, setBusy] = useState(false);

  async function onDelete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/boards/${boardId}`, { method: 'DELETE', body: { confirmTitle } });
      router.push('/');
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not delete the board.');
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="danger-heading">
      <h2 id="danger-heading">Delete this board</h2>
      <p className="small">
        Deleting removes the board, its plan, letters and notes for everyone, from the server too. Keep a copy first if
        you need one.
      </p>
      <form className="stack" onSubmit={(event) => void onDelete(event)}>
        {error ? <Alert kind="error">{error}</Alert> : null}
        <Field
          id="confirm-title"
          label={`To delete this board for everyone, type its name: ${title}`}
          value={confirmTitle}
          onChange={(e) => setConfirmTitle(e.target.value)}
          autoComplete="off"
        />
        <div>
          <button className="button button-danger" type="submit" disabled={busy || confirmTitle.trim() !== title}>
            {busy ? 'Deleting…' : 'Delete board'}
          </button>
        </div>
      </form>
    </section>
  );
}
