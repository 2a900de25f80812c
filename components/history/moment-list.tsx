'use client';

import { useState } from 'react';
import { plural } from './format';
import { fullMoment, shortMoment } from '../ui/dates';
import { type Moment, namesOf } from './moments';

const SHOWN_AT_FIRST = 40;

/** The moments, newest first, each one a button that shows the document as it was after it. */
export function MomentList(props: {
  moments: readonly Moment[];
  selectedSeq: number | null;
  nameOf(userId: string): string;
  onSelect(moment: Moment): void;
}) {
  const { moments, selectedSeq, nameOf, onSelect } = props;
  const [shown, setShown] = useState(SHOWN_AT_FIRST);
  const newestFirst = [...moments].reverse();
  const visible = newestFirst.slice(0, shown);
  return (
    <div className="moment-list-box">
      <ol className="moment-list" data-testid="moment-list">
        {visible.map((moment) => {
          const selected = selectedSeq !== null && selectedSeq >= moment.firstSeq && selectedSeq <= moment.seq;
          return (
            <li key={moment.seq}>
              <button
                type="button"
                className="moment"
                aria-current={selected ? 'true' : undefined}
                onClick={() => onSelect(moment)}
                data-testid="moment"
                data-seq={moment.seq}
              >
                <span className="moment-who">{namesOf(moment, nameOf)}</span>
                <span className="moment-what">{moment.sections.join(', ')}</span>
                <span className="moment-when muted small">
                  <time dateTime={new Date(moment.at).toISOString()} title={fullMoment(moment.at)}>
                    {shortMoment(moment.at)}
                  </time>
                  {moment.count > 1 ? ` · ${plural(moment.count, 'change')}` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {newestFirst.length > shown ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => setShown((n) => n + SHOWN_AT_FIRST * 2)}
        >
          Show earlier moments ({newestFirst.length - shown} more)
        </button>
      ) : null}
    </div>
  );
}
