'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { clearLocalCopies } from '../browser/local-copies';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button button-secondary"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        // A family device is often shared: nothing of the plan stays in this browser.
        void clearLocalCopies().finally(() => signOut({ callbackUrl: '/signin' }));
      }}
    >
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
