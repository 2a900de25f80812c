'use client';

import { useCallback, useState } from 'react';
import { api, ApiError } from '@/components/browser/api';
import type { AttendanceDecision } from '@/lib/records';
import { ATTENDANCE } from '@/lib/plan/schema';
import type { ReadinessReport } from '@/server/readiness/readiness';
import { useBoard } from '../plan/board-context';
import { useEdit } from '../plan/edit-context';
import { Section, SectionHeader } from '../plan/sections/parts';
import { CoverageList } from './coverage-list';
import { ReadinessCheckin } from './readiness-checkin';
import { ReadinessTable } from './readiness-table';
import { useApiData } from '../hooks/use-api-data';
import './tools.css';
import { useCoverage } from './use-coverage';

const DECISION_TEXT = new Map<AttendanceDecision, string>(ATTENDANCE.map(({ value, label }) => [value, label]));

/** Is everyone ready, and does the plan cover what it must? Check-ins, decisions, coverage, freeze. */
export function ReadinessSection() {
  const { boardId, attempt, frozen, state, me } = useBoard();
  const { doc } = useEdit();
  const path = `/api/boards/${boardId}/attempts/${attempt}/readiness`;
  // A letter handed in or reviewed changes what the coverage says about letters.
  const readiness = useApiData<ReadinessReport>(path, { refreshOn: ['readiness', 'letters'] });
  const checks = useCoverage(doc, readiness.data?.letters ?? (readiness.error ? 'unavailable' : null));
  const entries = readiness.data?.readiness ?? [];
  const own = entries.find((e) => e.userId === me.userId) ?? null;
  const { can } = me.abilities;
  // The server sends everyone's check-in only to those who may see them all; others get their own.
  const seesAll = can['readiness.view-all'];

  return (
    <Section id="readiness">
      <SectionHeader id="readiness">
        <p>
          Before the day: is each person ready to take part and to hold their bottom lines, and does the plan cover
          every situation?
        </p>
      </SectionHeader>
      {readiness.error ? (
        <div className="alert alert-error" role="alert">
          {readiness.error}
        </div>
      ) : null}
      {readiness.loading && !readiness.data ? (
        <p className="plan-loading" role="status">
          Loading check-ins…
        </p>
      ) : null}
      {can['readiness.confirm-own'] && readiness.data ? (
        <ReadinessCheckin
          boardId={boardId}
          attempt={attempt}
          own={own}
          asksBottomLines={can['bottom-lines.hold-own']}
          frozen={frozen}
          onSaved={readiness.reload}
        />
      ) : null}
      <div className="subsection">
        <h3>{seesAll ? 'The team' : 'Who attends'}</h3>
        {seesAll ? (
          <ReadinessTable
            boardId={boardId}
            attempt={attempt}
            entries={entries}
            frozen={frozen}
            canDecide={can['attendance.decide']}
            onChanged={readiness.reload}
          />
        ) : (
          <ul className="list" data-testid="attendance-list">
            {entries.map((entry) => (
              <li key={entry.userId} className="spread">
                <span>{entry.name}</span>
                <span className="muted small">{DECISION_TEXT.get(entry.decision ?? 'attends')}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="subsection">
        <h3>What the plan still needs</h3>
        <CoverageList checks={checks} />
      </div>
      {/* A closed attempt stays as it was: only the latest one is frozen and unfrozen. */}
      {can['attempts.freeze'] && state !== 'closed' ? (
        <FreezeControl boardId={boardId} attempt={attempt} frozen={frozen} />
      ) : null}
    </Section>
  );
}

function FreezeControl({ boardId, attempt, frozen }: { boardId: string; attempt: number; frozen: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = useCallback(async () => {
    if (!frozen && !window.confirm('Freeze this plan? Nobody, you included, can change it until you unfreeze it.'))
      return;
    setBusy(true);
    setError(null);
    try {
      await api(`/api/boards/${boardId}/attempts/${attempt}/freeze`, { method: 'PUT', body: { frozen: !frozen } });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work.');
    } finally {
      setBusy(false);
    }
  }, [boardId, attempt, frozen]);
  return (
    <div className="subsection">
      <h3>Freeze the plan</h3>
      <p className="muted small">
        {frozen
          ? 'The plan is frozen: everyone can read it, nobody can change it until you lift the freeze.'
          : 'Freezing makes the plan read-only for everyone, for example once it has been rehearsed.'}
      </p>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        onClick={() => void toggle()}
        data-testid="freeze-toggle"
      >
        {frozen ? 'Unfreeze the plan' : 'Freeze the plan'}
      </button>
    </div>
  );
}
