'use client';

import { useEffect } from 'react';
import type { LettersEntry } from '@/server/letters/letters';
import { LETTER_LABEL } from '@/lib/plan/sections';
import { useBoard } from '../board-context';
import { useSyncedDoc } from '../../hooks/use-synced-doc';
import { SaveStatus } from '../save-status';
import { UnsavedChanges } from '../unsaved-changes';
import { LetterReview } from '../../tools/letter-review';
import { useReviews } from '../../tools/use-reviews';
import { LetterEditor } from './letter-editor';
import { ShareLetters } from './share-letters';
import { useLetterText } from './use-letter-text';

const IMPACT_HINT =
  'Open with love. Tell one or two specific moments (when, what happened, how you felt), then ask them to accept help today. About two minutes read aloud.';
const REVIEW_RECHECK_MS = 1200;
const BOTTOM_LINE_HINT =
  'Read only if they refuse. Say what you will do from now on, not what they must do: “I will no longer …”.';

/**
 * One participant's letters document (`board/<b>/letters/<n>/<userId>`), opened only because the
 * server listed it for this person. Others' letters are read-only; when their owner stops
 * sharing, the server closes the socket and the card goes away.
 */
export function LetterDoc({
  entry,
  mine,
  onGone,
}: {
  entry: LettersEntry;
  mine: boolean;
  onGone(): Promise<void> | void;
}) {
  const { boardId, attempt, user, me, frozen } = useBoard();
  const readOnly = entry.access !== 'write';
  const label = mine ? 'your letters' : `${entry.ownerName}’s letters`;
  const letters = useSyncedDoc({ docName: entry.docName, label, user, readOnly, persist: !readOnly });
  // The server may have made the letters read-only since the page was rendered (a freeze).
  const editable = !readOnly && letters.canWrite;
  // A review is the writer's and the interventionists' business: a reader of shared letters
  // sees the letters, not the comments on them (the server lists them none either). Its status
  // is sent privately to the writer and the interventionists when it changes.
  const showReview = mine || me.abilities.can['letters.review'];
  const reviews = useReviews(boardId, attempt, showReview);
  const approved = reviews.list?.some((r) => r.ownerId === entry.ownerId && r.status === 'approved') ?? false;
  const reloadReviews = reviews.reload;
  useEffect(() => {
    // "Changed since approval" is computed by the server from the log; ask again shortly after
    // the approved letter is edited (by anyone), so both people see it without a reload.
    const doc = letters.doc;
    if (!doc || !approved) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(reloadReviews, REVIEW_RECHECK_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      if (timer) clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [letters.doc, approved, reloadReviews]);
  // Nothing to send while a letter is blank (the server would refuse it): say so before the tap.
  const shown = letters.loaded ? letters.doc : null;
  const blank = {
    impact: useLetterText(shown, 'impact').trim() === '',
    bottomLine: useLetterText(shown, 'bottomLine').trim() === '',
  };
  const reviewFor = (letter: 'impact' | 'bottomLine') => (
    <LetterReview
      boardId={boardId}
      attempt={attempt}
      ownerId={entry.ownerId}
      letter={letter}
      review={reviews.of(entry.ownerId, letter)}
      canSubmit={mine && me.abilities.can['letters.submit-own']}
      blank={blank[letter]}
      canReview={me.abilities.can['letters.review'] && !mine}
      frozen={frozen}
      onChanged={reviews.reload}
    />
  );
  useEffect(() => {
    if (letters.status === 'closed') void onGone();
  }, [letters.status, onGone]);

  const showAdvice = mine || me.abilities.can['letters.review'];
  return (
    <article
      className="letter-card"
      data-testid="letter-card"
      data-owner={entry.ownerId}
      aria-labelledby={`letters-of-${entry.ownerId}`}
    >
      <header className="letter-card-head">
        <div>
          <h3 id={`letters-of-${entry.ownerId}`}>{mine ? 'Your letters' : `${entry.ownerName}’s letters`}</h3>
          <p className="muted small" data-testid="share-state">
            {entry.shared
              ? 'Shared with the team'
              : mine
                ? 'Private: only you and the interventionist can read them'
                : 'Not shared with the team'}
          </p>
        </div>
        <div className="letter-card-actions">
          <SaveStatus status={letters.status} />
          {mine && !readOnly ? (
            <ShareLetters
              boardId={boardId}
              attempt={attempt}
              ownerId={entry.ownerId}
              shared={entry.shared}
              onChanged={onGone}
            />
          ) : null}
        </div>
      </header>
      {letters.closedReason ? (
        <div className="alert alert-error" role="alert">
          {letters.closedReason}
        </div>
      ) : null}
      <UnsavedChanges synced={letters} docName={entry.docName} />
      {letters.doc && letters.provider && letters.loaded ? (
        <div className="letter-pair">
          <div>
            <LetterEditor
              doc={letters.doc}
              provider={letters.provider}
              field="impact"
              title={LETTER_LABEL.impact}
              hint={IMPACT_HINT}
              readOnly={!editable}
              user={user}
              showAdvice={showAdvice}
            />
            {showReview ? reviewFor('impact') : null}
          </div>
          <div>
            <LetterEditor
              doc={letters.doc}
              provider={letters.provider}
              field="bottomLine"
              title={LETTER_LABEL.bottomLine}
              hint={BOTTOM_LINE_HINT}
              readOnly={!editable}
              user={user}
              showAdvice={showAdvice}
            />
            {showReview ? reviewFor('bottomLine') : null}
          </div>
        </div>
      ) : letters.closedReason ? null : (
        <p className="plan-loading" role="status">
          <span className="plan-spinner" aria-hidden="true" /> Opening {label}…
        </p>
      )}
    </article>
  );
}
