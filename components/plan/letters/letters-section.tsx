'use client';

import { ReviewQueue } from '../../tools/review-queue';
import { useBoard } from '../board-context';
import { Section, SectionHeader } from '../sections/parts';
import { LetterDoc } from './letter-doc';
import { LettersPeople } from './letters-people';
import { useLettersList } from './use-letters-list';

/**
 * A writer sees their own letters open, then the names of those who shared theirs. An
 * interventionist sees the letters waiting for review first, one at a time, then everyone's
 * letters by name (their own among them: they rarely write any).
 */
export function LettersSection() {
  const { boardId, attempt, me } = useBoard();
  const { entries, error, refresh } = useLettersList(boardId, attempt);
  const reviewer = me.abilities.can['letters.review'];
  const mine = entries?.find((entry) => entry.ownerId === me.userId) ?? null;
  const listed = (entries ?? [])
    .filter((entry) => reviewer || entry.ownerId !== me.userId)
    .sort(
      (a, b) =>
        Number(a.ownerId === me.userId) - Number(b.ownerId === me.userId) || a.ownerName.localeCompare(b.ownerName),
    );
  const onGone = refresh;
  return (
    <Section id="letters">
      <SectionHeader id="letters">
        <p>
          Each person writes two letters: an impact letter, read to your loved one, and a bottom-line letter, read only
          if they refuse help. When a letter is ready, send it to the interventionist, who reads it and suggests
          changes. Your letters stay private between you and the interventionist unless you choose to share them with
          the team.
        </p>
      </SectionHeader>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      {entries === null && !error ? (
        <p className="plan-loading" role="status">
          <span className="plan-spinner" aria-hidden="true" /> Loading letters…
        </p>
      ) : null}
      {reviewer && entries !== null ? <ReviewQueue entries={entries} /> : null}
      {mine && !reviewer ? (
        <LetterDoc key={`${mine.docName}:${mine.access}`} entry={mine} mine onGone={onGone} />
      ) : null}
      {entries !== null ? (
        <>
          <h3 className="letters-others-heading">{reviewer ? 'Everyone’s letters' : 'Letters shared with the team'}</h3>
          {listed.length === 0 ? (
            <p className="plan-empty" data-testid="no-shared-letters">
              {reviewer ? 'No one else is on this board yet.' : 'When others share their letters, they appear here.'}
            </p>
          ) : (
            <LettersPeople entries={listed} onGone={onGone} />
          )}
        </>
      ) : null}
    </Section>
  );
}
