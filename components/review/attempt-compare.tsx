'use client';

import Link from 'next/link';
import type { AttemptSummary } from '@/server/boards/boards';
import { diffPlan, PLAN_PARTS } from '@/lib/diff';
import { partLabel } from '@/lib/plan/sections';
import type { Debrief } from '@/lib/schemas/debrief';
import { StateFrame } from '../history/state-frame';
import type { Me } from '../board/me';
import { OUTCOME_LABEL, WENT_WRONG_INFO } from './debrief-labels';
import { SideBySide } from './side-by-side';
import { useDebrief } from './use-debrief';
import { useLatestPlan } from './use-latest-plan';
import { useFollowing } from '../hooks/use-following';

/** The earlier attempt's debrief in brief: how it ended and what went wrong. */
function DebriefBrief({ debrief }: { debrief: Debrief | null }) {
  if (!debrief) return null;
  if (!debrief.outcome && debrief.wentWrong.length === 0) return <p className="muted small">No debrief recorded.</p>;
  return (
    <p className="small">
      {debrief.outcome ? <strong>{OUTCOME_LABEL[debrief.outcome]}.</strong> : null}{' '}
      {debrief.wentWrong.map((w) => WENT_WRONG_INFO[w].label).join('; ')}
    </p>
  );
}

/**
 * Attempt n and n+1 side by side: the earlier one's outcome on the left; on the right, the
 * lessons it taught at the top, where the team starts, then what changed between the plans.
 */
export function AttemptCompare({
  boardId,
  attempts,
  me,
}: {
  boardId: string;
  attempts: readonly AttemptSummary[];
  me: Me;
}) {
  const latest = attempts[attempts.length - 1]?.number ?? 2;
  const [newer, setNewer] = useFollowing(latest);
  const older = newer - 1;
  const before = useLatestPlan(boardId, older);
  const after = useLatestPlan(boardId, newer);
  // Read live from the earlier attempt's debrief document (only read here: it is written above).
  const earlier = useDebrief(boardId, older, me, true, true);
  const debrief = earlier.synced.loaded ? earlier.debrief : null;

  const names = { before: `Attempt ${older}`, after: `Attempt ${newer}` };
  const changes = before.plan && after.plan ? diffPlan(before.plan, after.plan) : [];
  const changed = new Set(changes.map((c) => c.part));
  const unchanged = PLAN_PARTS.filter((part) => !changed.has(part)).map(partLabel);
  const lessons = debrief?.lessons.trim() ?? '';

  return (
    <section className="history-card stack" aria-labelledby="compare-attempts-heading" data-testid="attempt-compare">
      <div className="spread">
        <h2 id="compare-attempts-heading">
          Attempt {older} and attempt {newer}
        </h2>
        {attempts.length > 2 ? (
          <div className="field field-inline">
            <label htmlFor="compare-attempt">Compare</label>
            <select id="compare-attempt" value={newer} onChange={(event) => setNewer(Number(event.target.value))}>
              {attempts.slice(1).map((a) => (
                <option key={a.number} value={a.number}>
                  Attempt {a.number - 1} → {a.number}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <div className="sbs-row sbs-heads">
        <div className="sbs-cell sbs-before">
          <h3>
            Attempt {older} <span className="muted small">(closed, read-only)</span>
          </h3>
          <DebriefBrief debrief={debrief} />
          <Link className="small" href={`/boards/${boardId}/history`}>
            Look back through its history
          </Link>
        </div>
        <div className="sbs-cell sbs-after">
          <h3>Attempt {newer}</h3>
          <div className="lessons" data-testid="previous-lessons">
            <p className="lessons-title">Lessons from attempt {older}</p>
            {earlier.synced.closedReason ? (
              <p className="small">{earlier.synced.closedReason}</p>
            ) : lessons ? (
              <p className="lessons-text">{lessons}</p>
            ) : (
              <p className="muted small">No lessons recorded yet. Add them to the debrief of attempt {older}.</p>
            )}
          </div>
        </div>
      </div>
      <StateFrame
        loading={before.loading || after.loading}
        hasData={before.plan !== null && after.plan !== null}
        error={before.error ?? after.error}
        onRetry={() => {
          before.reload();
          after.reload();
        }}
        what="both plans"
      >
        {changes.length === 0 ? (
          <p className="empty">The two plans are the same so far.</p>
        ) : (
          <SideBySide changes={changes} names={names} />
        )}
        {changes.length > 0 && unchanged.length > 0 ? (
          <p className="muted small">Unchanged: {unchanged.join(', ')}.</p>
        ) : null}
      </StateFrame>
    </section>
  );
}
