'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState } from 'react';
import type { AttemptSummary } from '@/server/boards/boards';
import type { Me, PageMember } from '../board/me';
import { PeopleColoursProvider } from '../board/people-colours';
import { isChannelEnded, useBoardChannel } from '../hooks/use-board-channel';
import { Alert } from '../ui/alert';
import { isRefusal, type Outcome } from './debrief-labels';
import { First72Hours } from './first-72-hours';
import { FollowThroughPanel } from './follow-through';
import { StageAttempt } from './stage-attempt';
import { useLatestPlan } from './use-latest-plan';
import '../history/history.css';
import './review.css';

function Opening({ what }: { what: string }) {
  return (
    <p className="history-loading" role="status">
      <span className="history-spinner" aria-hidden="true" />
      Opening {what}…
    </p>
  );
}

/**
 * The debrief and the comparison read Yjs documents, which run only in the browser: keeping Yjs
 * out of the server render keeps one copy of it in the server process (as the plan does).
 */
const DebriefSection = dynamic(() => import('./debrief-section').then((loaded) => loaded.DebriefSection), {
  ssr: false,
  loading: () => (
    <section className="history-card">
      <Opening what="the debrief" />
    </section>
  ),
});
const AttemptCompare = dynamic(() => import('./attempt-compare').then((loaded) => loaded.AttemptCompare), {
  ssr: false,
  loading: () => (
    <section className="history-card">
      <Opening what="the comparison" />
    </section>
  ),
});

const PreviousDebrief = dynamic(() => import('./previous-debrief').then((loaded) => loaded.PreviousDebrief), {
  ssr: false,
  loading: () => <First72Hours refusedIn={null} />,
});

/** Bottom-line statuses change on the board; this page looks again this often while visible. */
const PLAN_REFRESH_MS = 20_000;

/**
 * After an attempt: the debrief, who is keeping their bottom line, the first 72 hours' rules,
 * the comparison with the previous attempt, and (for the interventionist) staging the next one.
 */
export function ReviewView({
  boardId,
  attempts,
  me,
  members,
}: {
  boardId: string;
  attempts: AttemptSummary[];
  me: Me;
  members: PageMember[];
}) {
  const latest = attempts[attempts.length - 1]?.number ?? 1;
  const latestPlan = useLatestPlan(boardId, latest, PLAN_REFRESH_MS);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The latest attempt has no outcome yet while an earlier one exists: it was just staged.
  const justStaged = outcome === '' && latest > 1;
  // The attempts and the members come from the server render.
  const { status } = useBoardChannel(boardId, { refreshPageOn: ['attempts', 'members'] });

  return (
    <PeopleColoursProvider memberIds={members.map((member) => member.userId)}>
      <div className="page review-page">
        <nav className="history-nav small" aria-label="Board pages">
          <Link href={`/boards/${boardId}`}>← Back to the plan</Link>
          <Link href={`/boards/${boardId}/history`}>History</Link>
        </nav>
        <h1>Review and next steps</h1>
        <p className="muted history-intro">
          Record how attempt {latest} went, keep the bottom lines, and when the team is ready, plan the next attempt
          from what you learned.
        </p>
        {isChannelEnded(status) ? <Alert kind="error">You no longer have access to this board.</Alert> : null}
        {status === 'offline' ? (
          <Alert kind="info">Reconnecting… Changes others save appear once the connection is back.</Alert>
        ) : null}
        {justStaged ? (
          // Just staged, most often after a refusal: the three days that matter now are the
          // previous attempt's, so they come first, above the new attempt's empty debrief.
          <PreviousDebrief boardId={boardId} attempt={latest - 1} me={me}>
            {(previous) => <First72Hours refusedIn={isRefusal(previous.outcome) ? latest - 1 : null} />}
          </PreviousDebrief>
        ) : null}
        <div className="review-grid">
          <DebriefSection
            boardId={boardId}
            attempts={attempts}
            me={me}
            members={members}
            onOutcome={setOutcome}
            latestPlan={latestPlan.plan}
          />
          <div className="review-follow">
            <FollowThroughPanel
              boardId={boardId}
              attempt={latest}
              plan={latestPlan.plan}
              loading={latestPlan.loading}
              refreshing={latestPlan.refreshing}
              error={latestPlan.error}
              onRefresh={latestPlan.reload}
            />
            {justStaged ? null : <First72Hours refusedIn={outcome !== null && isRefusal(outcome) ? latest : null} />}
          </div>
          {attempts.length >= 2 ? <AttemptCompare boardId={boardId} attempts={attempts} me={me} /> : null}
          {me.abilities.can['attempts.stage'] ? (
            <StageAttempt boardId={boardId} latest={latest} />
          ) : (
            <section className="history-card" aria-labelledby="next-heading">
              <h2 id="next-heading">Another intervention</h2>
              <p className="small muted">
                When the team is ready, the interventionist stages the next attempt from this one. You will find it on
                the board.
              </p>
            </section>
          )}
        </div>
      </div>
    </PeopleColoursProvider>
  );
}
