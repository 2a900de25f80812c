'use client';

import Link from 'next/link';
import type { FollowThrough as Status } from '@/lib/plan/schema';
import type { PlanJSON } from '@/lib/plan/to-json';
import { StateFrame } from '../history/state-frame';

const STATUS: Record<Status, { label: string; rank: number }> = {
  broken: { label: 'Broken', rank: 0 },
  'not-started': { label: 'Not started', rank: 1 },
  'in-effect': { label: 'In effect', rank: 2 },
};

function statusOf(value: string): Status {
  return value === 'broken' || value === 'in-effect' ? value : 'not-started';
}

/**
 * Every bottom line of the current plan with whose it is and whether it is being kept, the
 * broken ones first: after a refusal, the interventionist sees at a glance who needs support.
 */
export function FollowThroughPanel(props: {
  boardId: string;
  attempt: number;
  plan: PlanJSON | null;
  loading: boolean;
  refreshing: boolean;
  error: string | null;
  onRefresh(): void;
}) {
  const { boardId, attempt, plan, loading, refreshing, error, onRefresh } = props;
  const lines = (plan?.bottomLines ?? []).map((line, index) => ({ ...line, state: statusOf(line.status), index }));
  lines.sort((a, b) => STATUS[a.state].rank - STATUS[b.state].rank || a.index - b.index);
  const count = (s: Status) => lines.filter((l) => l.state === s).length;
  return (
    <section className="history-card stack" aria-labelledby="follow-heading" data-testid="follow-through">
      <div className="spread">
        <h2 id="follow-heading">Who is holding their bottom line</h2>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={onRefresh}
          disabled={loading || refreshing}
        >
          {loading || refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <p className="muted small">
        From the plan of attempt {attempt}. Each person updates their own status in{' '}
        <Link href={`/boards/${boardId}#bottom-lines`}>the plan’s bottom lines</Link>.
      </p>
      <StateFrame loading={loading} hasData={plan !== null} error={error} onRetry={onRefresh} what="the bottom lines">
        {lines.length === 0 ? (
          <p className="empty">No bottom lines in this plan yet. Each participant writes their own on the board.</p>
        ) : (
          <>
            <p className="follow-summary" aria-label="Summary">
              <span className="status-pill status-in-effect">{count('in-effect')} in effect</span>
              <span className="status-pill status-broken">{count('broken')} broken</span>
              <span className="status-pill status-not-started">{count('not-started')} not started</span>
            </p>
            <ul className="follow-list">
              {lines.map((line) => (
                <li key={line.id} className={`follow-item follow-${line.state}`} data-testid="bottom-line">
                  <div className="follow-head">
                    <strong className="follow-owner">{line.owner.trim() || 'Whose? (not filled in)'}</strong>
                    <span className={`status-pill status-${line.state}`} data-testid="bottom-line-status">
                      {STATUS[line.state].label}
                    </span>
                  </div>
                  <p className="follow-statement">
                    {line.statement.trim() || <span className="muted">(no statement yet)</span>}
                  </p>
                  {line.enabling.trim() ? <p className="muted small">Ends: {line.enabling}</p> : null}
                  {line.followUp.trim() ? <p className="small follow-notes">{line.followUp}</p> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </StateFrame>
    </section>
  );
}
