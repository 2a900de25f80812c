'use client';

import { useState } from 'react';
import { LETTER_FIELDS } from '@/lib/plan/schema';
import { LETTER_LABEL } from '@/lib/plan/sections';
import type { LettersEntry } from '@/server/letters/letters';
import { REVIEW_STATUS_TEXT } from '../../tools/letter-review';
import { useReviews } from '../../tools/use-reviews';
import { useBoard } from '../board-context';
import { LetterDoc } from './letter-doc';

/**
 * Other people's letters as a list of names, one person's letters open at a time: stacked, a
 * board's letters run to thousands of pixels on a phone. An open card is a live document; the
 * others are not connected at all.
 */
export function LettersPeople({
  entries,
  onGone,
}: {
  entries: readonly LettersEntry[];
  onGone(): Promise<void> | void;
}) {
  const { boardId, attempt, me } = useBoard();
  const [open, setOpen] = useState<string | null>(null);
  // Review statuses are the writer's and the interventionists' business (the server says whose).
  const reviewer = me.abilities.can['letters.review'];
  const reviews = useReviews(boardId, attempt, reviewer);
  return (
    <ul className="letters-people" data-testid="letters-people">
      {entries.map((entry) => {
        const mine = entry.ownerId === me.userId;
        const isOpen = open === entry.ownerId;
        const name = mine ? 'Your letters' : `${entry.ownerName}’s letters`;
        const statuses = LETTER_FIELDS.map((letter) => {
          const review = reviews.of(entry.ownerId, letter);
          return `${LETTER_LABEL[letter]}: ${review ? REVIEW_STATUS_TEXT[review.status] : 'Draft'}`;
        }).join(' · ');
        return (
          <li key={entry.ownerId} className="letters-person" data-testid="letters-person">
            <div className="letters-person-row">
              <div>
                <strong>{mine ? 'You' : entry.ownerName}</strong>{' '}
                <span className="muted small">{entry.shared ? 'Shared with the team' : 'Not shared'}</span>
                {reviewer ? <p className="muted small letters-person-status">{statuses}</p> : null}
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-expanded={isOpen}
                onClick={() => setOpen(isOpen ? null : entry.ownerId)}
              >
                {isOpen ? 'Close' : 'Read'}
                <span className="visually-hidden"> {name}</span>
              </button>
            </div>
            {isOpen ? (
              <LetterDoc key={`${entry.docName}:${entry.access}`} entry={entry} mine={mine} onGone={onGone} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
