'use client';

import Link from 'next/link';
import './carried-over.css';
import { Paragraphs } from '../history/snapshot/text-snapshot';
import { AFRESH, CARRIED } from '../review/carried-lists';
import { isRefusal, OUTCOME_LABEL } from '../review/debrief-labels';
import { FirstDaysRules } from '../review/first-72-hours';
import { PreviousDebrief } from '../review/previous-debrief';

/**
 * At the top of a new attempt, where the team works: what the debrief of the attempt before
 * learned, what was carried over from it, and, after a refusal, the rules of the first three
 * days (the next attempt is staged in exactly those days). Folds away once read.
 */
export function CarriedOver({
  boardId,
  previous,
  me,
}: {
  boardId: string;
  previous: number;
  me: { userId: string; name: string };
}) {
  return (
    <PreviousDebrief boardId={boardId} attempt={previous} me={me}>
      {(debrief, loaded) => (
        <details className="carried-over" open data-testid="carried-over">
          <summary>
            <strong>From attempt {previous}</strong>
            {loaded && debrief.outcome ? ` · ${OUTCOME_LABEL[debrief.outcome]}` : ''}
            <span className="muted small"> · lessons and what was carried over</span>
          </summary>
          <div className="carried-over-body">
            <section aria-labelledby="carried-lessons" data-testid="carried-lessons">
              <h3 id="carried-lessons">Lessons for this attempt</h3>
              {!loaded ? (
                <p className="muted small" role="status">
                  Opening the debrief of attempt {previous}…
                </p>
              ) : debrief.lessons.trim() ? (
                <Paragraphs text={debrief.lessons} />
              ) : (
                <p className="muted small">
                  No lessons were written in the debrief of attempt {previous} yet.{' '}
                  <Link href={`/boards/${boardId}/review`}>Add them in the debrief</Link>.
                </p>
              )}
            </section>
            {/* What carried over is for reference: folded, so the lessons and the rules come first. */}
            <details className="carried-items" data-testid="carried-items">
              <summary>What was carried over from attempt {previous}, and what starts afresh</summary>
              <ul className="small">
                {CARRIED.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
              <p className="small dialog-list-title">Starting afresh:</p>
              <ul className="small">
                {AFRESH.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </details>
            {loaded && isRefusal(debrief.outcome) ? (
              <section className="carried-refusal" aria-labelledby="carried-72" data-testid="carried-72-hours">
                <h3 id="carried-72">After the refusal: the first 72 hours</h3>
                <p className="small">For the first three days after help was refused, the whole team agrees to:</p>
                <FirstDaysRules />
              </section>
            ) : null}
          </div>
        </details>
      )}
    </PreviousDebrief>
  );
}
