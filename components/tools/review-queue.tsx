'use client';

import { useState } from 'react';
import type { LettersEntry } from '@/server/letters/letters';
import { useBoard } from '../plan/board-context';
import { QueuedLetter } from './queued-letter';
import { useReviews } from './use-reviews';
import './tools.css';

/**
 * The interventionist's queue: the letters sent for review, oldest first, one at a time with
 * its tone notes beside it. Deciding one brings up the next; the queue follows new letters as
 * they are sent (the board channel says letters changed).
 */
export function ReviewQueue({ entries }: { entries: readonly LettersEntry[] }) {
  const { boardId, attempt } = useBoard();
  const reviews = useReviews(boardId, attempt, true);
  const [index, setIndex] = useState(0);
  const waiting = (reviews.list ?? [])
    .filter((review) => review.status === 'submitted')
    .map((review) => ({ review, entry: entries.find((e) => e.ownerId === review.ownerId) }))
    .filter((item): item is { review: typeof item.review; entry: LettersEntry } => item.entry !== undefined)
    .sort((a, b) => a.review.updatedAt - b.review.updatedAt);
  // A decided letter leaves the queue: the same place then holds the next one.
  const at = Math.min(index, Math.max(0, waiting.length - 1));
  const current = waiting[at];
  return (
    <section className="review-queue" aria-labelledby="queue-heading" data-testid="review-queue">
      <div className="spread">
        <h3 id="queue-heading">Waiting for your review{waiting.length ? ` (${waiting.length})` : ''}</h3>
        {waiting.length > 1 ? (
          <div className="row" role="group" aria-label="Letters in the queue">
            <span className="muted small" data-testid="queue-position">
              {at + 1} of {waiting.length}
            </span>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={at === 0}
              onClick={() => setIndex(at - 1)}
            >
              Previous
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={at >= waiting.length - 1}
              onClick={() => setIndex(at + 1)}
            >
              Next
            </button>
          </div>
        ) : null}
      </div>
      {reviews.list === null ? (
        <p className="plan-loading" role="status">
          <span className="plan-spinner" aria-hidden="true" /> Loading the queue…
        </p>
      ) : current ? (
        <QueuedLetter
          key={`${current.entry.ownerId}:${current.review.letter}`}
          entry={current.entry}
          review={current.review}
          onReviewed={reviews.reload}
        />
      ) : (
        <p className="plan-empty" data-testid="queue-empty">
          Nothing is waiting for you. When someone sends you a letter, it comes here and you get a notice.
        </p>
      )}
    </section>
  );
}
