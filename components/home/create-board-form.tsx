'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import type { BoardSummary } from '@/server/boards/boards';
import { Alert } from '../ui/alert';
import { Field } from '../ui/field';
import { formText } from '../browser/form-text';

export function CreateBoardForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = formText(new FormData(event.currentTarget), 'title');
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const { board } = await api<{ board: BoardSummary }>('/api/boards', { method: 'POST', body: { title } });
      router.push(`/boards/${board.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not create the board.');
      if (caught instanceof ApiError) setFields(caught.fields);
      setBusy(false);
    }
  }

  return (
    <form className="card stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <h2>Start a new board</h2>
      <p className="muted small">You will be its interventionist (the moderator) and can invite the family next.</p>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <Field
        id="title"
        label="Board name"
        placeholder="Helping Sam"
        hint="A first name is enough; no surname needed."
        errors={fields.title}
        required
        maxLength={80}
      />
      <div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create board'}
        </button>
      </div>
    </form>
  );
}
