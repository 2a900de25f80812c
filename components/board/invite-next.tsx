'use client';

import { INVITES_ANCHOR } from './invites-panel';

/**
 * A board with nobody on it but the interventionist says what comes next, at the top: the
 * invites card sits below the plan, out of sight on a new board.
 */
export function InviteNext() {
  return (
    <div className="alert alert-info spread invite-next" data-testid="invite-next">
      <span>
        <strong>Next: invite your family.</strong> Each person gets a link of their own, and you approve them before
        they see the plan.
      </span>
      <a
        className="button button-secondary"
        href={`#${INVITES_ANCHOR}`}
        onClick={() => {
          // After the jump, the name field is where typing goes.
          window.setTimeout(() => document.getElementById('invite-label')?.focus(), 0);
        }}
      >
        Invite people
      </a>
    </div>
  );
}
