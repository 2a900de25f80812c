import Link from 'next/link';
import type { ReactNode } from 'react';
import type { BoardStage, GuidedBoard, QueueItem } from '@/lib/overview/queue';
import { ago } from './ago';
import './overview.css';

const STAGE_LABEL: Record<BoardStage, string> = {
  planning: 'Planning',
  frozen: 'Plan frozen',
  rehearsed: 'Rehearsed',
  outcome: 'Outcome recorded',
};

const OUTCOME_LABEL: Record<string, string> = {
  accepted: 'accepted treatment',
  refused: 'refused treatment',
  left: 'left before the end',
  aggressive: 'became aggressive',
  postponed: 'postponed',
};

const KIND_LABEL: Record<QueueItem['kind'], string> = {
  live: 'Now',
  date: 'Soon',
  letter: 'Letter',
  question: 'Question',
  gaps: 'Plan',
};

function Queue({ items, now }: { items: QueueItem[]; now: number }) {
  return (
    <section className="card stack" aria-labelledby="queue-heading">
      <h2 id="queue-heading">What needs you next</h2>
      {items.length === 0 ? (
        <p className="muted" data-testid="queue-empty">
          Nothing is waiting for you on any board.
        </p>
      ) : (
        <ol className="overview-queue" data-testid="queue">
          {items.map((item, index) => (
            <li key={`${item.boardId}-${item.kind}-${index}`} data-testid="queue-item" data-kind={item.kind}>
              <span className={`overview-kind overview-kind-${item.kind}`}>{KIND_LABEL[item.kind]}</span>
              <span className="overview-queue-text">
                <Link href={item.href}>{item.label}</Link>
                <span className="muted small">
                  {' '}
                  · {item.boardTitle}
                  {item.since !== null && (item.kind === 'letter' || item.kind === 'question')
                    ? ` · waiting ${ago(item.since, now).replace(' ago', '')}`
                    : ''}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Fact({ term, testId, children }: { term: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function BoardRow({ board, now }: { board: GuidedBoard; now: number }) {
  const gapCount = board.gaps.reduce((n, gap) => n + Math.max(1, gap.missing.length), 0);
  return (
    <li className="overview-board" data-testid="guided-board">
      <div className="spread">
        <h3>
          <Link href={`/boards/${board.boardId}`}>{board.title}</Link>
        </h3>
        <span className={`overview-stage overview-stage-${board.stage}`} data-testid="board-stage">
          {STAGE_LABEL[board.stage]}
          {board.stage === 'outcome' && board.outcome ? `: ${OUTCOME_LABEL[board.outcome] ?? board.outcome}` : ''}
        </span>
      </div>
      <dl className="overview-facts">
        <Fact term="Attempt">{board.attempt}</Fact>
        <Fact term="Next date" testId="board-next-date">
          {board.nextDate
            ? `${board.nextDate.kind === 'rehearsal' ? 'Rehearsal' : 'Intervention'} ${board.nextDate.date}${board.nextDate.time ? ` at ${board.nextDate.time}` : ''}`
            : 'None set'}
        </Fact>
        <Fact term="Letters to review" testId="board-letters">
          {board.lettersWaiting.length}
        </Fact>
        <Fact term="Questions to answer" testId="board-questions">
          {board.questionsWaiting.length}
        </Fact>
        <Fact term="Readiness gaps" testId="board-gaps">
          {gapCount === 0 ? 'None' : gapCount}
        </Fact>
        <Fact term="Last activity">{board.lastActivity ? ago(board.lastActivity, now) : 'None yet'}</Fact>
      </dl>
      {board.gaps.length > 0 ? (
        <details className="overview-gaps">
          <summary>What the plan still lacks</summary>
          <ul>
            {board.gaps.map((gap) => (
              <li key={gap.id}>
                <strong>{gap.label}:</strong> {gap.missing.join('; ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="row small">
        {board.live ? <strong>{board.live.rehearsal ? 'Rehearsal under way' : 'Under way now'}</strong> : null}
        <Link href={`/boards/${board.boardId}/run`}>Run mode</Link>
        <Link href={`/boards/${board.boardId}/packet?for=all`}>Everyone’s packets</Link>
        <Link href={`/boards/${board.boardId}/review`}>Debrief</Link>
      </p>
    </li>
  );
}

/**
 * The interventionist's overview, on their home page: every board they guide, and one queue across
 * them of what needs them next. Rendered on the server from guidedBoards (server/overview).
 */
export function GuideOverview({ boards, queue, now }: { boards: GuidedBoard[]; queue: QueueItem[]; now: number }) {
  return (
    <div className="stack" data-testid="guide-overview">
      <Queue items={queue} now={now} />
      <section className="stack" aria-labelledby="guided-heading">
        <h2 id="guided-heading">Families you guide</h2>
        <ul className="overview-boards">
          {boards.map((board) => (
            <BoardRow key={board.boardId} board={board} now={now} />
          ))}
        </ul>
      </section>
    </div>
  );
}
