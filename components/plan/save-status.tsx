import type { ConnectionStatus } from '../hooks/use-synced-doc';
import './unsaved.css';

const LABEL: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  offline: 'Offline',
  reconnecting: 'Reconnecting…',
  saving: 'Saving…',
  saved: 'All changes saved',
  'read-only': 'Read only',
  // Never "saved": the server refused these edits (see UnsavedChanges).
  'not-saved': 'Changes not saved',
  closed: 'Disconnected',
};

/** The small status beside the plan's title: always visible, never shouting. */
export function SaveStatus({ status }: { status: ConnectionStatus }) {
  return (
    <span className={`save-status save-${status}`} role="status" data-testid="save-status" data-status={status}>
      {LABEL[status]}
    </span>
  );
}

/**
 * The banner for what needs attention: being offline, reconnecting, read-only, or closed for
 * good. Offline edits are not lost, and saying so is what keeps people from retyping.
 */
export function ConnectionBanner({
  status,
  closedReason,
  readOnlyReason,
  accessReduced = false,
}: {
  status: ConnectionStatus;
  closedReason: string | null;
  readOnlyReason: string | null;
  /** The server made the document read-only since the page was rendered; the page has not caught up yet. */
  accessReduced?: boolean;
}) {
  if (status === 'closed' && closedReason) {
    return (
      <div className="alert alert-error" role="alert" data-testid="plan-closed">
        {closedReason}
      </div>
    );
  }
  if (status === 'offline') {
    return (
      <div className="plan-banner plan-banner-warning" data-testid="offline-banner">
        <strong>You are offline.</strong> Keep going: your changes are kept on this device and sent as soon as you are
        back online.
      </div>
    );
  }
  if (status === 'reconnecting') {
    return (
      <div className="plan-banner plan-banner-warning" data-testid="offline-banner">
        <strong>Reconnecting…</strong> Your changes are kept on this device until the connection is back.
      </div>
    );
  }
  if (accessReduced && !readOnlyReason) {
    return (
      <div className="plan-banner plan-banner-warning" data-testid="read-only-banner">
        <strong>You can no longer change this.</strong> It was just closed, or your role on the board changed. What you
        see is what the server has.
      </div>
    );
  }
  if (readOnlyReason) {
    return (
      <div className="plan-banner" data-testid="read-only-banner">
        {readOnlyReason}
      </div>
    );
  }
  return null;
}
