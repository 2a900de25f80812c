'use client';

import { useEffect } from 'react';
import type { AttemptSummary } from '@/server/boards/boards';
import type { PlanJSON } from '@/lib/plan/to-json';
import type { Me, PageMember } from '../board/me';
import { Alert } from '../ui/alert';
import { DebriefForm } from './debrief-form';
import { isRefusal } from './debrief-labels';
import { participantsOf } from './participants';
import { useDebrief } from './use-debrief';
import { useLatestPlan } from './use-latest-plan';
import { useFollowing } from '../hooks/use-following';

/** Which attempt is debriefed (the latest by default), its form, and the team it lists. */
export function DebriefSection(props: {
  boardId: string;
  attempts: readonly AttemptSummary[];
  me: Me;
  members: readonly PageMember[];
  onOutcome(refused: boolean): void;
  latestPlan: PlanJSON | null;
}) {
  const { boardId, attempts, me, members, onOutcome, latestPlan } = props;
  const latest = attempts[attempts.length - 1]?.number ?? 1;
  const [attempt, setAttempt] = useFollowing(latest);
  const debrief = useDebrief(boardId, attempt);
  const otherPlan = useLatestPlan(boardId, attempt === latest ? null : attempt);
  const plan = attempt === latest ? latestPlan : otherPlan.plan;
  const canEdit = me.abilities.can['debrief.edit'];

  const { dirty, saved } = debrief;
  useEffect(() => {
    onOutcome(saved !== null && attempt === latest && isRefusal(saved.outcome));
  }, [saved, attempt, latest, onOutcome]);
  useEffect(() => {
    // Leaving with an unsaved debrief asks first: it is often written in one sitting, late.
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const participants = participantsOf(members, plan?.team ?? [], Object.keys(saved?.participantNotes ?? {}));

  return (
    <section className="history-card stack review-debrief" aria-labelledby="debrief-heading">
      <div className="spread">
        <h2 id="debrief-heading">Debrief of attempt {attempt}</h2>
        {attempts.length > 1 ? (
          <div className="field field-inline">
            <label htmlFor="debrief-attempt">Attempt</label>
            <select
              id="debrief-attempt"
              value={attempt}
              onChange={(event) => setAttempt(Number(event.target.value))}
              disabled={dirty}
              title={dirty ? 'Save or discard your changes first' : undefined}
            >
              {attempts.map((a) => (
                <option key={a.number} value={a.number}>
                  Attempt {a.number}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <p className="muted small">
        Go over what happened together, with the interventionist, while it is fresh. It is not about blame: it is what
        makes the next attempt better.
      </p>
      {debrief.loadError ? (
        <div className="stack">
          <Alert kind="error">{debrief.loadError}</Alert>
          <div>
            <button type="button" className="button button-secondary" onClick={debrief.reload}>
              Try again
            </button>
          </div>
        </div>
      ) : debrief.saved === null ? (
        <p className="history-loading" role="status">
          <span className="history-spinner" aria-hidden="true" />
          Loading the debrief…
        </p>
      ) : (
        <DebriefForm key={attempt} state={debrief} participants={participants} canEdit={canEdit} />
      )}
    </section>
  );
}
