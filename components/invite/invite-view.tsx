'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import type { InviteForVisitor } from '@/server/boards/invite-claims';
import { PRODUCT_NAME } from '@/lib/product';
import { roleLabel } from '@/lib/roles';
import { Alert } from '../ui/alert';

/** While waiting for approval the page asks again this often, and opens the board once approved. */
const WAITING_POLL_MS = 3000;

const UNUSABLE: Partial<Record<InviteForVisitor['status'], string>> = {
  used: 'This invite has already been used. Ask the person who sent it for a new one.',
  revoked: 'This invite was withdrawn. Ask the person who sent it for a new one.',
  expired: 'This invite has expired. Ask the person who sent it for a new one.',
};

function Unusable({ message }: { message: string }) {
  return (
    <div className="card stack" data-testid="invite-error">
      <h1>Invite not usable</h1>
      <p>{message}</p>
    </div>
  );
}

export function InviteView({ token, initial }: { token: string; initial: InviteForVisitor | null }) {
  const router = useRouter();
  const [invite, setInvite] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = invite?.status;

  useEffect(() => {
    if (status !== 'waiting') return;
    const timer = setInterval(() => {
      api<{ invite: InviteForVisitor }>(`/api/invites/${token}`).then(
        ({ invite: latest }) => {
          if (latest.boardId) router.push(`/boards/${latest.boardId}`);
          else setInvite(latest);
        },
        () => undefined,
      );
    }, WAITING_POLL_MS);
    return () => clearInterval(timer);
  }, [status, token, router]);

  async function join() {
    setBusy(true);
    setError(null);
    try {
      const { invite: claimed } = await api<{ invite: InviteForVisitor }>(`/api/invites/${token}/accept`, {
        method: 'POST',
      });
      if (claimed.boardId) router.push(`/boards/${claimed.boardId}`);
      else setInvite(claimed);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not send your request. Try again.');
    } finally {
      setBusy(false);
    }
  }

  if (!invite) return <Unusable message="This invite link is not valid. Check that you copied all of it." />;
  const unusable = UNUSABLE[invite.status];
  if (unusable) return <Unusable message={unusable} />;
  if (invite.status === 'refused') {
    return (
      <div className="card stack" data-testid="invite-refused">
        <h1>Not approved</h1>
        <p>
          {invite.invitedBy} did not approve this account. If that is a mistake, ask them for a new invite and tell them
          the email address you signed up with.
        </p>
      </div>
    );
  }
  if (invite.status === 'waiting') {
    return (
      <div className="card stack" data-testid="invite-waiting">
        <h1>Waiting for {invite.invitedBy}</h1>
        <p>
          {invite.invitedBy} will check that it is you before you can see anything. You can close this page: once you
          are approved, the same link opens it.
        </p>
        <p className="muted small" role="status">
          This page updates by itself.
        </p>
      </div>
    );
  }
  return (
    <div className="card stack">
      <h1>You are invited</h1>
      <p>
        <strong>{invite.invitedBy}</strong> invited <strong>{invite.label || 'you'}</strong> to join them on{' '}
        {PRODUCT_NAME}, as {roleLabel(invite.role)}.
      </p>
      <p className="muted small">
        Not {invite.label || 'the person this was meant for'}? Close this page. {invite.invitedBy} approves everyone who
        joins.
      </p>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <button type="button" className="button" disabled={busy} onClick={() => void join()}>
        {busy ? 'Sending…' : 'Ask to join'}
      </button>
    </div>
  );
}
