'use client';

import { useState } from 'react';

/**
 * An open invite's link, to copy and send privately. It stays in its row until someone uses it
 * (server/boards/invite-links.ts), so a second invite never takes the first one's link away.
 */
export function InviteLinkField({ label, url }: { label: string; url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="invite-link-row">
      <input
        data-testid="invite-link"
        type="text"
        readOnly
        value={url}
        aria-label={`Link for ${label}`}
        onFocus={(event) => event.currentTarget.select()}
      />
      <button
        type="button"
        className="button button-secondary"
        aria-label={`Copy the link for ${label}`}
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
