'use client';

import type { BoardVisits } from '@/server/boards/visits';
import { sectionLabel, type SectionId } from '@/lib/plan/sections';
import { useApiData } from '../hooks/use-api-data';
import { Alert } from '../ui/alert';
import { When } from '../ui/when';

const MEMBERS_TOPIC = ['members'] as const;
/** The log grows as people open sections, which no board event announces: asked again each minute. */
const REFRESH_MS = 60_000;
/** What the card shows of the log; the export holds all of it. */
const SHOWN = 20;

/**
 * For the interventionists: when each member last opened the board, and who opened the logistics
 * (date and place) and the safety plan, newest first.
 */
export function VisitsPanel({ boardId }: { boardId: string }) {
  const visits = useApiData<BoardVisits>(`/api/boards/${boardId}/visits`, {
    refreshOn: MEMBERS_TOPIC,
    refreshIntervalMs: REFRESH_MS,
  });
  return (
    <section className="card stack" aria-labelledby="visits-heading" data-testid="visits">
      <div className="spread">
        <h2 id="visits-heading">Who opened what</h2>
        <button type="button" className="button-link" onClick={visits.reload} disabled={visits.refreshing}>
          {visits.refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {visits.error ? (
        <Alert kind="error">
          {visits.error}{' '}
          <button type="button" className="button-link" onClick={visits.reload}>
            Try again
          </button>
        </Alert>
      ) : null}
      {visits.loading && !visits.data ? (
        <p className="muted small" role="status">
          Loading…
        </p>
      ) : null}
      {visits.data ? (
        <>
          <ul className="list" aria-label="Last opened the board" data-testid="visits-members">
            {visits.data.members.map((member) => (
              <li key={member.userId} className="spread">
                <span>{member.name}</span>
                <span className="muted small">
                  {member.lastOpenedAt === null ? 'not opened yet' : <When ms={member.lastOpenedAt} />}
                </span>
              </li>
            ))}
          </ul>
          <h3>Logistics and safety plan</h3>
          {visits.data.log.length === 0 ? (
            <p className="muted small">Nobody has opened them yet.</p>
          ) : (
            <ul className="list" aria-label="Opened the logistics or the safety plan" data-testid="visits-log">
              {visits.data.log.slice(0, SHOWN).map((entry, index) => (
                <li key={`${entry.at}-${index}`} className="spread">
                  <span>
                    {entry.name} opened {sectionLabel(entry.section as SectionId)}
                  </span>
                  <span className="muted small">
                    <When ms={entry.at} />
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="muted small">
            This records what the board showed each person; it cannot tell whether someone read over their shoulder.
          </p>
        </>
      ) : null}
    </section>
  );
}
