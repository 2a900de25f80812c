'use client';

import { useBoard } from '../board-context';
import { Section, SectionHeader } from '../sections/parts';
import { LetterDoc } from './letter-doc';
import { useLettersList } from './use-letters-list';

export function LettersSection() {
  const { boardId, attempt, me } = useBoard();
  const { entries, error, refresh } = useLettersList(boardId, attempt);
  const mine = entries?.find((entry) => entry.ownerId === me.userId) ?? null;
  const others = (entries ?? [])
    .filter((entry) => entry.ownerId !== me.userId)
    .sort((a, b) => a.ownerName.localeCompare(b.ownerName));
  const onGone = refresh;
  // A reviewer reads every participant's letters, shared or not: the team's come first for them.
  const reviewer = me.abilities.can['letters.review'];
  return (
    <Section id="letters">
      <SectionHeader id="letters">
        <p>
          Each person writes two letters: an impact letter, read to your loved one, and a bottom-line letter, read only
          if they refuse help. Your letters stay private between you and the interventionist until you share them with
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
      {mine && !reviewer ? (
        <LetterDoc key={`${mine.docName}:${mine.access}`} entry={mine} mine onGone={onGone} />
      ) : null}
      {entries !== null ? (
        <>
          <h3 className="letters-others-heading">{reviewer ? 'The team’s letters' : 'Letters shared with the team'}</h3>
          {others.length === 0 ? (
            <p className="plan-empty" data-testid="no-shared-letters">
              {reviewer ? 'No one else is on this board yet.' : 'When others share their letters, they appear here.'}
            </p>
          ) : (
            others.map((entry) => (
              <LetterDoc key={`${entry.docName}:${entry.access}`} entry={entry} mine={false} onGone={onGone} />
            ))
          )}
        </>
      ) : null}
      {/* Interventionists rarely write letters of their own: theirs come after the team's. */}
      {mine && reviewer ? <LetterDoc key={`${mine.docName}:${mine.access}`} entry={mine} mine onGone={onGone} /> : null}
    </Section>
  );
}
