'use client';

import type { InviteSummary } from '@/server/boards/invites';
import type { Role } from '@/lib/roles';
import { When } from '../ui/when';
import { InviteLinkField } from './invite-link-field';

/** An invite names a role by what it lets the person do, so whoever sends it knows what they give. */
export const INVITE_ROLE_LABEL: Readonly<Record<Role, string>> = {
  interventionist: 'Interventionist',
  family: 'Family member',
  viewer: 'Viewer (reads only)',
};

/**
 * Someone used a link and waits: the interventionist sees the account's name and address and
 * approves or refuses it. Nothing of the board reaches that account before.
 */
export function WaitingRows(props: {
  invites: InviteSummary[];
  busyId: string | null;
  onDecide(invite: InviteSummary, decision: 'approved' | 'refused'): void;
}) {
  return (
    <ul className="invite-rows" aria-label="Waiting for your approval" data-testid="invites-waiting">
      {props.invites.map((invite) => (
        <li key={invite.id} className="invite-waiting" data-testid="invite-waiting">
          <div className="invite-who">
            <strong>{invite.label || 'Invite'}</strong>
            <span className="small">
              Opened by <strong>{invite.claimedBy?.name}</strong> · {invite.claimedBy?.email}
            </span>
            <span className="muted small">
              {INVITE_ROLE_LABEL[invite.role]}
              {invite.claimedBy ? (
                <>
                  {' '}
                  · asked <When ms={invite.claimedBy.claimedAt} />
                </>
              ) : null}
            </span>
          </div>
          <div className="invite-actions">
            <button
              type="button"
              className="button"
              disabled={props.busyId === invite.id}
              onClick={() => props.onDecide(invite, 'approved')}
            >
              Approve
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={props.busyId === invite.id}
              onClick={() => props.onDecide(invite, 'refused')}
            >
              Refuse
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

/**
 * Links nobody has used yet: who each is for, so two open invites never look alike, and each
 * one's link to copy again (a link made before links could be shown again says so).
 */
export function OpenRows(props: {
  invites: InviteSummary[];
  busyId: string | null;
  newestId: string | null;
  onWithdraw(id: string): void;
}) {
  return (
    <ul className="invite-rows" aria-label="Not joined yet" data-testid="invites-open">
      {props.invites.map((invite) => (
        <li
          key={invite.id}
          className={invite.id === props.newestId ? 'invite-open invite-newest' : 'invite-open'}
          data-testid="invite-open"
        >
          <div className="invite-who">
            <strong>{invite.label || 'Invite'}</strong>
            <span className="muted small">
              {INVITE_ROLE_LABEL[invite.role]} · link made <When ms={invite.createdAt} /> · expires{' '}
              <When ms={invite.expiresAt} />
            </span>
          </div>
          {invite.link ? (
            <InviteLinkField label={invite.label || 'this person'} url={invite.link} />
          ) : (
            <p className="muted small">This link was shown once, when it was made. Withdraw it and make another.</p>
          )}
          <button
            type="button"
            className="button-link"
            disabled={props.busyId === invite.id}
            onClick={() => props.onWithdraw(invite.id)}
            aria-label={`Withdraw the invite for ${invite.label || 'this person'}`}
          >
            Withdraw
          </button>
        </li>
      ))}
    </ul>
  );
}
