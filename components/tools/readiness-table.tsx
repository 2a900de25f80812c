'use client';

import { useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import { ATTENDANCE } from '@/lib/plan/schema';
import type { AttendanceDecision, Confirmation } from '@/lib/records';
import type { ReadinessEntry } from '@/server/readiness/readiness';

const ANSWER: Record<Confirmation, string> = { yes: 'Yes', unsure: 'Unsure', no: 'No' };

function answer(value: Confirmation | null) {
  if (value === null) return <span className="answer answer-missing">Not confirmed</span>;
  return <span className={`answer answer-${value}`}>{ANSWER[value]}</span>;
}

/**
 * Everyone's check-in for the interventionist, with the attendance decision per person. People
 * who have not confirmed or who waver come first: they are who needs a call tonight.
 */
export function ReadinessTable(props: {
  boardId: string;
  attempt: number;
  entries: ReadinessEntry[];
  frozen: boolean;
  canDecide: boolean;
  onChanged(): void;
}) {
  const { boardId, attempt, entries, frozen, canDecide, onChanged } = props;
  const [error, setError] = useState<string | null>(null);
  const needsAttention = (e: ReadinessEntry) => e.attending !== 'yes' || (e.holdsBottomLines && e.holding !== 'yes');
  const sorted = [...entries].sort(
    (a, b) => Number(needsAttention(b)) - Number(needsAttention(a)) || a.name.localeCompare(b.name),
  );

  async function decide(userId: string, decision: AttendanceDecision) {
    setError(null);
    try {
      await api(`/api/boards/${boardId}/attempts/${attempt}/attendance/${userId}`, {
        method: 'PUT',
        body: { decision },
      });
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not save the decision.');
    }
  }

  return (
    <div className="stack">
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <ul className="list readiness-list" data-testid="readiness-table">
        {sorted.map((entry) => (
          <li
            key={entry.userId}
            className={`readiness-row ${needsAttention(entry) ? 'readiness-attention' : ''}`}
            data-testid="readiness-row"
            data-user={entry.userId}
          >
            <div>
              <strong>{entry.name}</strong>
              <div className="small">
                Attending: {answer(entry.attending)}
                {entry.holdsBottomLines ? <> · Bottom lines: {answer(entry.holding)}</> : null}
              </div>
              {entry.note ? <p className="small muted readiness-note">“{entry.note}”</p> : null}
            </div>
            <div className="field">
              <label htmlFor={`decision-${entry.userId}`} className="small">
                Attendance
              </label>
              <select
                id={`decision-${entry.userId}`}
                value={entry.decision ?? 'attends'}
                disabled={frozen || !canDecide}
                onChange={(e) => void decide(entry.userId, e.target.value as AttendanceDecision)}
              >
                {ATTENDANCE.map((d) => (
                  <option key={d.value} value={d.value}>
                    {d.label}
                  </option>
                ))}
              </select>
            </div>
          </li>
        ))}
      </ul>
      <p className="muted small">
        Keep the reason for an attendance decision in your private notes; the team sees only the decision.
      </p>
    </div>
  );
}
