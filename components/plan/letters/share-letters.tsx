'use client';

import { useRef, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import { Alert } from '../../ui/alert';
import { DialogActions } from '../../ui/dialog-actions';
import { RoleBadge } from '../../ui/role-badge';
import { useBoard } from '../board-context';

/**
 * The writer's Share control, a secondary action: sending a letter to the interventionist is
 * what most writers want first. Sharing asks first, names the people who will read them, and
 * says plainly what they will see: the letters as they are now and every change from now on,
 * with its history; never the drafts before it (the server serves readers their history only
 * from the last sharing on).
 */
export function ShareLetters({
  boardId,
  attempt,
  ownerId,
  shared,
  onChanged,
}: {
  boardId: string;
  attempt: number;
  ownerId: string;
  shared: boolean;
  onChanged(): Promise<void> | void;
}) {
  const { members, me } = useBoard();
  const readers = members.filter((member) => member.userId !== me.userId);
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = `share-title-${ownerId}`;
  const bodyId = `share-body-${ownerId}`;

  async function setShared(next: boolean) {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/boards/${boardId}/attempts/${attempt}/letters/share`, { method: 'PUT', body: { shared: next } });
      dialog.current?.close();
      await onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {shared ? (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={busy}
          onClick={() => void setShared(false)}
        >
          Stop sharing
        </button>
      ) : (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={busy}
          onClick={() => {
            setError(null);
            dialog.current?.showModal();
          }}
        >
          Share with the team…
        </button>
      )}
      {/* Sharing shows its error in the dialog; stopping has no dialog, so here. */}
      {shared && error ? <Alert kind="error">{error}</Alert> : null}
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        data-testid="share-dialog"
      >
        <h2 id={titleId}>Share your letters with the team?</h2>
        <div id={bodyId} className="stack small">
          <p>
            <strong>Everyone on this board will be able to read both of your letters</strong>, viewers included: as they
            are right now, and every change you make while they are shared, with its history.
          </p>
          <div>
            <p className="dialog-list-title">Who will be able to read them:</p>
            <ul data-testid="share-readers">
              {readers.map((reader) => (
                <li key={reader.userId}>
                  {reader.name} <RoleBadge role={reader.role} />
                </li>
              ))}
            </ul>
          </div>
          <p>
            What you wrote before now stays private: earlier drafts, and anything you deleted, remain between you and
            the interventionist. So do the interventionist’s comments on your letters.
          </p>
          <p>You can stop sharing at any time; the team then no longer sees your letters or their history.</p>
        </div>
        {error ? <Alert kind="error">{error}</Alert> : null}
        <DialogActions
          dialog={dialog}
          busy={busy}
          cancelLabel="Keep them private"
          confirmLabel={busy ? 'Sharing…' : 'Share my letters'}
          onConfirm={() => void setShared(true)}
          confirmTestId="confirm-share"
        />
      </dialog>
    </>
  );
}
