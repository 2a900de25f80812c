'use client';

import { useState } from 'react';

/** The link just made, once: the server keeps only its hash, so it cannot be shown again. */
export function NewInviteLink({ label, url }: { label: string; url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="alert alert-success stack" data-testid="new-invite">
      <label htmlFor="invite-link">
        Link for <strong>{label}</strong>. Copy it now: it is not shown again.
      </label>
      <div className="invite-link-row">
        <input
          id="invite-link"
          data-testid="invite-link"
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
