'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import type { InviteSummary } from '@/server/boards/invites';
import { ROLES, type Role, roleLabel } from '@/lib/roles';
import { Alert } from '../ui/alert';
import { formText } from '../browser/form-text';

const STATUS_LABEL: Record<InviteSummary['status'], string> = {
  open: 'Open',
  used: 'Used',
  revoked: 'Withdrawn',
  expired: 'Expired',
};
/** An invite names a role by what it lets the person do, so whoever sends it knows what they give. */
const INVITE_LABEL: Readonly<Record<Role, string>> = {
  interventionist: 'Interventionist',
  family: 'Family member',
  viewer: 'Viewer (reads only)',
};

export function InvitesPanel({ boardId, invites }: { boardId: string; invites: InviteSummary[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = formText(new FormData(event.currentTarget), 'invite-role');
    const role = ROLES.find((r) => r === chosen) ?? 'family';
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const result = await api<{ url: string }>(`/api/boards/${boardId}/invites`, { method: 'POST', body: { role } });
      setLink(result.url);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not create the invite.');
    } finally {
      setBusy(false);
    }
  }

  async function revoke(inviteId: string) {
    setError(null);
    try {
      await api(`/api/boards/${boardId}/invites/${inviteId}`, { method: 'DELETE' });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not withdraw the invite.');
    }
  }

  const open = invites.filter((invite) => invite.status === 'open');
  return (
    <section className="card stack" aria-labelledby="invites-heading">
      <h2 id="invites-heading">Invite people</h2>
      <p className="muted small">
        Each link works once and expires in 7 days. Send it privately, never where the loved one could see it.
      </p>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <form className="row" onSubmit={(event) => void create(event)}>
        <label htmlFor="invite-role">Role</label>
        <select id="invite-role" name="invite-role" defaultValue="family" style={{ width: 'auto' }}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {INVITE_LABEL[role]}
            </option>
          ))}
        </select>
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create invite link'}
        </button>
      </form>
      {link ? (
        <div className="alert alert-success stack">
          <label htmlFor="invite-link">Copy this link now; it is not shown again.</label>
          <div className="row">
            <input
              id="invite-link"
              data-testid="invite-link"
              type="text"
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              style={{ flex: 1, minWidth: 0 }}
            />
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(link).then(() => setCopied(true));
              }}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      ) : null}
      {open.length > 0 ? (
        <ul className="list" aria-label="Open invites">
          {open.map((invite) => (
            <li key={invite.id} className="spread">
              <span>
                {roleLabel(invite.role)} · {STATUS_LABEL[invite.status]} · expires{' '}
                {new Date(invite.expiresAt).toLocaleDateString()}
              </span>
              <button type="button" className="button-link" onClick={() => void revoke(invite.id)}>
                Withdraw
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No open invites.</p>
      )}
    </section>
  );
}
