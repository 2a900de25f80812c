'use client';

import { LETTER_LABEL } from '@/lib/plan/sections';
import type { LettersEntry } from '@/server/letters/letters';
import type { LetterReview as Review } from '@/server/letters/reviews';
import { Paragraphs } from '../history/snapshot/text-snapshot';
import { shortMoment } from '../ui/dates';
import { useSyncedDoc } from '../hooks/use-synced-doc';
import { useBoard } from '../plan/board-context';
import { LetterStats } from '../plan/letters/letter-stats';
import { useLetterText } from '../plan/letters/use-letter-text';
import { LetterReview } from './letter-review';

const KIND = { impact: 'impact', bottomLine: 'bottom-line' } as const;

/**
 * The letter at the head of the review queue: its text, the tone notes beside it, and the
 * decision. It reads along (no presence, no copy on this device): the writer's document is
 * opened for writing only where its own card is.
 */
export function QueuedLetter({
  entry,
  review,
  onReviewed,
}: {
  entry: LettersEntry;
  review: Review;
  onReviewed(): void;
}) {
  const { boardId, attempt, user, frozen } = useBoard();
  const letters = useSyncedDoc({
    docName: entry.docName,
    label: `${entry.ownerName}’s letters`,
    user,
    readOnly: true,
    persist: false,
    readAlong: true,
  });
  const text = useLetterText(letters.loaded ? letters.doc : null, review.letter);
  const headingId = `queued-${entry.ownerId}-${review.letter}`;
  return (
    <article className="queue-item" aria-labelledby={headingId} data-testid="queued-letter" data-owner={entry.ownerId}>
      <header className="queue-item-head">
        <h4 id={headingId}>
          {entry.ownerName} · {LETTER_LABEL[review.letter]}
        </h4>
        <p className="muted small">Sent {shortMoment(review.updatedAt)}</p>
      </header>
      {letters.closedReason ? (
        <div className="alert alert-error" role="alert">
          {letters.closedReason}
        </div>
      ) : letters.loaded ? (
        <div className="queue-body">
          <div className="queue-letter" data-testid="queued-text">
            <Paragraphs text={text} />
          </div>
          <div className="queue-tone">
            <LetterStats text={text} kind={KIND[review.letter]} showAdvice standing />
          </div>
        </div>
      ) : (
        <p className="plan-loading" role="status">
          <span className="plan-spinner" aria-hidden="true" /> Opening the letter…
        </p>
      )}
      <LetterReview
        boardId={boardId}
        attempt={attempt}
        ownerId={entry.ownerId}
        letter={review.letter}
        review={review}
        canSubmit={false}
        canReview
        frozen={frozen}
        onChanged={onReviewed}
      />
    </article>
  );
}
