'use client';

import type { ReactNode } from 'react';
import { Alert } from '../ui/alert';

/** Loading, error and "updating" around whatever shows a document's state. */
export function StateFrame(props: {
  loading: boolean;
  hasData: boolean;
  error: string | null;
  onRetry(): void;
  what: string;
  children: ReactNode;
}) {
  const { loading, hasData, error, onRetry, what, children } = props;
  if (error && !loading) {
    return (
      <div className="stack">
        <Alert kind="error">{error}</Alert>
        <div>
          <button type="button" className="button button-secondary button-small" onClick={onRetry}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  if (!hasData) {
    return (
      <p className="history-loading" role="status">
        <span className="history-spinner" aria-hidden="true" />
        Loading {what}…
      </p>
    );
  }
  return (
    <div className={loading ? 'is-updating' : undefined} aria-busy={loading}>
      {loading ? (
        <p className="visually-hidden" role="status">
          Loading {what}…
        </p>
      ) : null}
      {children}
    </div>
  );
}
