'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import { Alert } from '../ui/alert';

export function AcceptInvite({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      const { boardId } = await api<{ boardId: string }>(`/api/invites/${token}/accept`, { method: 'POST' });
      router.push(`/boards/${boardId}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not join the board.');
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      {error ? <Alert kind="error">{error}</Alert> : null}
      <button type="button" className="button" disabled={busy} onClick={() => void accept()}>
        {busy ? 'Joining…' : 'Join the board'}
      </button>
    </div>
  );
}
