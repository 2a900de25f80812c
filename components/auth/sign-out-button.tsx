'use client';

import { useState } from 'react';
import { clearLocalCopies } from '../browser/local-copies';
import { signOutToSignIn } from '../browser/sign-out';
import { hasUnsentEdits } from '../browser/unsent-edits';

/** Asked before signing out would delete edits that never reached the server. */
export const UNSENT_QUESTION =
  'Some of your changes have not reached the server yet (you may be offline). Signing out deletes them from this device. Sign out anyway?';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button button-secondary"
      disabled={busy}
      onClick={() => {
        if (hasUnsentEdits() && !window.confirm(UNSENT_QUESTION)) return;
        setBusy(true);
        // A family device is often shared: nothing of the plan stays in this browser.
        void clearLocalCopies().finally(() => signOutToSignIn());
      }}
    >
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
