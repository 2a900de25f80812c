'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import { Alert } from '../ui/alert';
import { DialogActions } from '../ui/dialog-actions';
import { CARRIED, AFRESH } from './carried-lists';

/**
 * "Stage another intervention" (interventionists only): a confirmation that says plainly what
 * closes and what is carried over, then the new attempt. The server freezes the old attempt;
 * open pages learn of it through the board channel.
 */
export function StageAttempt({ boardId, latest }: { boardId: string; latest: number }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [staged, setStaged] = useState<number | null>(null);
  const next = latest + 1;

  async function stage() {
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ attempt: number }>(`/api/boards/${boardId}/attempts`, { method: 'POST' });
      setStaged(result.attempt);
      dialog.current?.close();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The new attempt could not be staged. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="history-card stack" aria-labelledby="stage-heading" data-testid="stage-attempt">
      <h2 id="stage-heading">Stage another intervention</h2>
      {staged ? (
        <Alert kind="success">
          Attempt {staged} is ready, carried over from attempt {staged - 1}.{' '}
          <Link href={`/boards/${boardId}`} data-testid="open-new-attempt">
            Open it on the board
          </Link>
        </Alert>
      ) : (
        <>
          <p className="small">
            When the team has kept its bottom lines and is ready to try again, start attempt {next} from what you have.
            Attempt {latest} is kept, read-only, to look back on.
          </p>
          <div>
            <button
              type="button"
              className="button"
              onClick={() => {
                setError(null);
                dialog.current?.showModal();
              }}
            >
              Stage attempt {next}…
            </button>
          </div>
        </>
      )}
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby="stage-dialog-title"
        aria-describedby="stage-dialog-body"
        data-testid="stage-dialog"
      >
        <h2 id="stage-dialog-title">Stage attempt {next}?</h2>
        <div id="stage-dialog-body" className="stack small">
          <p>
            <strong>Attempt {latest} becomes read-only for everyone</strong>, you included: its plan, letters and
            history stay there to read and review, but nobody can change them any more. This cannot be undone.
          </p>
          <div>
            <p className="dialog-list-title">Carried over to attempt {next}:</p>
            <ul>
              {CARRIED.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
          <div>
            <p className="dialog-list-title">Starting afresh:</p>
            <ul>
              {AFRESH.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        </div>
        {error ? <Alert kind="error">{error}</Alert> : null}
        <DialogActions
          dialog={dialog}
          busy={busy}
          cancelLabel="Cancel"
          confirmLabel={busy ? 'Staging…' : `Close attempt ${latest} and stage attempt ${next}`}
          onConfirm={() => void stage()}
          confirmTestId="confirm-stage"
        />
      </dialog>
    </section>
  );
}
