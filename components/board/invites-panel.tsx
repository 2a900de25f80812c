'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import type { InviteSummary } from '@/server/boards/invites';
import { maxInviteDays } from '@/lib/permissions/invites';
import { ROLES, type Role } from '@/lib/roles';
import { Alert } from '../ui/alert';
import { Field } from '../ui/field';
import { formText } from '../browser/form-text';
import { INVITE_ROLE_LABEL, OpenRows, WaitingRows } from './invite-rows';
import './invites.css';

export const INVITES_ANCHOR = 'invites';

/**
 * The interventionist's invites: a link per person, named for them; who used a link and waits
 * for approval; who has not joined yet, each with its link to copy until it is used. The list
 * comes from the page's render, refreshed on every `invites` event of the board channel.
 */
export function InvitesPanel({ boardId, invites }: { boardId: string; invites: InviteSummary[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [created, setCreated] = useState<InviteSummary | null>(null);
  const [role, setRole] = useState<Role>('family');
  const [busy, setBusy] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const label = formText(new FormData(form), 'invite-label');
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const result = await api<{ invite: InviteSummary }>(`/api/boards/${boardId}/invites`, {
        method: 'POST',
        body: { label, role },
      });
      // On show at once, before the page's list catches up; every earlier link stays in its row.
      setCreated(result.invite);
      form.reset();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not create the invite.');
      if (caught instanceof ApiError) setFields(caught.fields);
    } finally {
      setBusy(false);
    }
  }

  async function act(inviteId: string, call: () => Promise<unknown>, failure: string) {
    setBusyId(inviteId);
    setError(null);
    try {
      await call();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : failure);
    } finally {
      setBusyId(null);
    }
  }

  const decide = (invite: InviteSummary, decision: 'approved' | 'refused') => {
    const who = invite.claimedBy?.name ?? 'this person';
    if (decision === 'refused' && !window.confirm(`Refuse ${who}? They will not join, and this link stops working.`))
      return;
    void act(
      invite.id,
      () => api(`/api/boards/${boardId}/invites/${invite.id}/decision`, { method: 'PUT', body: { decision } }),
      'Could not save your decision.',
    );
  };
  const withdraw = (inviteId: string) =>
    void act(
      inviteId,
      () => api(`/api/boards/${boardId}/invites/${inviteId}`, { method: 'DELETE' }),
      'Could not withdraw the invite.',
    );

  const waiting = invites.filter((invite) => invite.status === 'waiting');
  // The link just made is listed until the page's list has it; once used, it leaves the list.
  const pending = created !== null && !invites.some((invite) => invite.id === created.id) ? [created] : [];
  const open = [...pending, ...invites].filter((invite) => invite.status === 'open');
  const newestId = created !== null && open.some((invite) => invite.id === created.id) ? created.id : null;

  return (
    <section id={INVITES_ANCHOR} className="card stack" aria-labelledby="invites-heading">
      <h2 id="invites-heading">Invite people</h2>
      <p className="muted small">
        Make one link per person. Whoever opens it can only ask to join: you see their name and email address here and
        approve them before they see anything. Send each link privately, never where the loved one could see it.
      </p>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <form className="invite-form" onSubmit={(event) => void create(event)} noValidate>
        <Field
          id="invite-label"
          label="Who is it for?"
          placeholder="Aunt Pat"
          maxLength={60}
          autoComplete="off"
          errors={fields.label}
          required
        />
        <div className="invite-role">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {INVITE_ROLE_LABEL[option]}
              </option>
            ))}
          </select>
        </div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create invite link'}
        </button>
      </form>
      <p className="muted small" data-testid="invite-expiry">
        {maxInviteDays(role) === 1
          ? "An interventionist's link gives the whole board: it expires after 24 hours."
          : 'The link works once and expires in 7 days.'}
      </p>
      {newestId !== null && created ? (
        <p className="alert alert-success" role="status" data-testid="new-invite">
          Link for <strong>{created.label}</strong> made. Copy it from its row under &ldquo;Not joined yet&rdquo; and
          send it privately; it stays there until someone uses it.
        </p>
      ) : null}
      {waiting.length > 0 ? (
        <div className="stack">
          <h3>Waiting for your approval</h3>
          <p className="small">
            Approve only someone you recognise. If a name or address looks wrong, refuse it and send a new link.
          </p>
          <WaitingRows invites={waiting} busyId={busyId} onDecide={decide} />
        </div>
      ) : null}
      <div className="stack">
        <h3>Not joined yet</h3>
        {open.length > 0 ? (
          <OpenRows invites={open} busyId={busyId} newestId={newestId} onWithdraw={withdraw} />
        ) : (
          <p className="muted small" data-testid="no-open-invites">
            No open invites.
          </p>
        )}
      </div>
    </section>
  );
}
