'use client';

import { type FormEvent, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import { Alert } from '../ui/alert';
import { fullMoment, shortMoment } from '../ui/dates';
import type { NamedVersion } from './use-versions';

/**
 * Named versions of this attempt ("Before the rehearsal", "What we took into the room"). Every
 * member sees them; interventionists name the selected moment and remove names.
 */
export function VersionsPanel(props: {
  boardId: string;
  attempt: number;
  versions: readonly NamedVersion[];
  canEdit: boolean;
  /** The time of the moment on screen, which a new name is given to; null when none is. */
  selectedAt: number | null;
  onShow(version: NamedVersion): void;
  onChanged(): void;
}) {
  const { boardId, attempt, versions, canEdit, selectedAt, onShow, onChanged } = props;
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (selectedAt === null || !label.trim()) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await api(`/api/boards/${boardId}/versions`, {
        method: 'POST',
        body: { label: label.trim(), attempt, at: selectedAt },
      });
      setDone(`Named “${label.trim()}”.`);
      setLabel('');
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The name could not be saved. Try again.');
    } finally {
      setBusy(false);
    }
  }

  async function remove(version: NamedVersion) {
    if (!window.confirm(`Remove the name “${version.label}”? The plan itself does not change.`)) return;
    setError(null);
    try {
      await api(`/api/boards/${boardId}/versions/${version.id}`, { method: 'DELETE' });
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The name could not be removed. Try again.');
    }
  }

  return (
    <section className="history-card stack" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Named versions</h2>
      {error ? <Alert kind="error">{error}</Alert> : null}
      {versions.length === 0 ? (
        <p className="muted small">
          No named versions for this attempt yet.{canEdit ? ' Name the moment on screen to find it again easily.' : ''}
        </p>
      ) : (
        <ul className="version-list" data-testid="version-list">
          {versions.map((version) => (
            <li key={version.id} className="version-row">
              <button
                type="button"
                className="button-link version-show"
                onClick={() => onShow(version)}
                title={fullMoment(version.at)}
              >
                <span aria-hidden="true">⚑ </span>
                {version.label}
              </button>
              <span className="muted small">
                {shortMoment(version.at)}
                {version.createdByName ? ` · ${version.createdByName}` : ''}
              </span>
              {canEdit ? (
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => void remove(version)}
                  aria-label={`Remove the name ${version.label}`}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form className="stack version-form" onSubmit={(event) => void add(event)}>
          <div className="field">
            <label htmlFor="version-label">Name the moment on screen</label>
            <input
              id="version-label"
              type="text"
              maxLength={80}
              value={label}
              onChange={(event) => setLabel(event.target.value)}
              placeholder="e.g. After the rehearsal"
              disabled={selectedAt === null}
              autoComplete="off"
            />
            <span className="hint">Everyone on the board sees the name on the timeline.</span>
          </div>
          <div className="row">
            <button
              type="submit"
              className="button button-small"
              disabled={busy || selectedAt === null || !label.trim()}
            >
              {busy ? 'Saving…' : 'Save name'}
            </button>
            {done ? (
              <span className="small" role="status">
                {done}
              </span>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
