'use client';

import { useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import type { LetterName } from '@/lib/records';
import type { LetterReview as Review } from '@/server/letters/reviews';
import './tools.css';

/** A review's status in words, on its badge and in the letters list. */
export const REVIEW_STATUS_TEXT: Record<Review['status'], string> = {
  submitted: 'Waiting for review',
  approved: 'Approved',
  'changes-requested': 'Changes asked for',
};

interface Props {
  boardId: string;
  attempt: number;
  ownerId: string;
  letter: LetterName;
  review: Review | null;
  /** The letter's owner may submit it; an interventionist may approve or ask for changes. */
  canSubmit: boolean;
  canReview: boolean;
  /** The letter has no words yet: nothing to send. */
  blank?: boolean;
  frozen: boolean;
  onChanged(): void;
}

/**
 * The review round for one letter: the writer sends it to the interventionist, who approves it
 * or asks for changes with a comment.
 */
export function LetterReview({
  boardId,
  attempt,
  ownerId,
  letter,
  review,
  canSubmit,
  canReview,
  blank = false,
  frozen,
  onChanged,
}: Props) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/boards/${boardId}/attempts/${attempt}/reviews`;

  async function run(call: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await call();
      setComment('');
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  }

  const status = review?.status ?? null;
  const inputId = `review-comment-${ownerId}-${letter}`;
  return (
    <div className="letter-review" data-testid={`review-${letter}`}>
      <p className="letter-review-status">
        <span className={`badge review-${status ?? 'draft'}`} data-testid="review-status">
          {status ? REVIEW_STATUS_TEXT[status] : 'Draft'}
        </span>
        {review?.changedSinceApproval ? (
          <span className="badge review-changed" data-testid="changed-since-approval">
            Changed since approval
          </span>
        ) : null}
      </p>
      {review?.comment ? (
        <p className="letter-review-comment" data-testid="review-comment">
          <strong>Interventionist:</strong> {review.comment}
        </p>
      ) : null}
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      {!frozen && canSubmit && status !== 'submitted' ? (
        <SendButton
          status={status}
          changedSinceApproval={review?.changedSinceApproval ?? false}
          busy={busy}
          blank={blank}
          onSend={() => void run(() => api(base, { method: 'POST', body: { letter } }))}
        />
      ) : null}
      {!frozen && canSubmit && status === 'submitted' ? (
        <p className="muted small" data-testid="review-sent">
          Sent. Only the interventionist reads it; you can keep editing until they review it.
        </p>
      ) : null}
      {!frozen && canReview && status !== 'submitted' ? (
        <p className="muted small" data-testid="review-waiting">
          {status === null
            ? 'Nothing to review yet: the writer has not submitted this letter.'
            : 'Reviewed. You can review it again once the writer submits it again.'}
        </p>
      ) : null}
      {/* Only a submitted letter is reviewed: the server refuses anything else (409). */}
      {!frozen && canReview && status === 'submitted' ? (
        <div className="letter-review-actions">
          <label className="visually-hidden" htmlFor={inputId}>
            Comment for the writer
          </label>
          <textarea
            id={inputId}
            rows={2}
            placeholder="A kind, specific comment (optional)"
            value={comment}
            maxLength={4000}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="row">
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() =>
                void run(() =>
                  api(`${base}/${ownerId}`, { method: 'PUT', body: { letter, decision: 'approved', comment } }),
                )
              }
            >
              Approve
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={busy}
              onClick={() =>
                void run(() =>
                  api(`${base}/${ownerId}`, {
                    method: 'PUT',
                    body: { letter, decision: 'changes-requested', comment },
                  }),
                )
              }
            >
              Ask for changes
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The writer's main action on a letter: sending it to the interventionist, filled while there
 * is something for them to read (a first draft, a new version after their comments, changes
 * since their approval) and quiet once an approved letter is unchanged.
 */
function SendButton({
  status,
  changedSinceApproval,
  busy,
  blank,
  onSend,
}: {
  status: Review['status'] | null;
  changedSinceApproval: boolean;
  busy: boolean;
  blank: boolean;
  onSend(): void;
}) {
  const settled = status === 'approved' && !changedSinceApproval;
  if (blank)
    return <p className="muted small">Write this letter first; then you can send it to the interventionist.</p>;
  return (
    <button
      type="button"
      className={`button button-small${settled ? ' button-secondary' : ''}`}
      disabled={busy}
      onClick={onSend}
      data-testid="send-for-review"
    >
      {status === null
        ? 'Send to the interventionist'
        : status === 'approved' && changedSinceApproval
          ? 'Send the changes to the interventionist'
          : 'Send again to the interventionist'}
    </button>
  );
}
