import type { ExportedAttempt } from '@/server/boards/export';
import type { Member } from '@/server/boards/members';
import { LETTER_LABEL } from '@/lib/plan/sections';
import { OUTCOME_LABEL, WENT_WRONG_INFO } from '../review/debrief-labels';
import { When } from '../ui/when';
import { PlanExport } from './plan-export';
import { Block, Fields, Text } from './values';

const REVIEW_LABEL = { submitted: 'Waiting for review', approved: 'Approved', 'changes-requested': 'Changes asked' };

/** One attempt of the board, every part the reader may see. */
export function AttemptExport({ attempt, members }: { attempt: ExportedAttempt; members: Member[] }) {
  // A debrief note is about a member (their id) or a relative without an account (`team:<item>`).
  const teamName = (itemId: string) =>
    attempt.plan?.team.find((item) => item.id === itemId)?.name || 'someone on the team';
  const nameOf = (key: string) =>
    key.startsWith('team:')
      ? teamName(key.slice('team:'.length))
      : (members.find((member) => member.userId === key)?.name ?? 'a former member');
  return (
    <section className="export-attempt">
      <h2>
        Attempt {attempt.number}
        {attempt.frozenAt !== null ? ' (closed)' : ''}
      </h2>
      <p className="muted small">
        Started <When ms={attempt.createdAt} />
      </p>
      {attempt.plan ? (
        <Block title="The plan">
          <PlanExport plan={attempt.plan} />
        </Block>
      ) : null}
      <Block title="Letters">
        {attempt.letters.length === 0 ? <p className="muted small">No letters you can read.</p> : null}
        {attempt.letters.map((letters) => (
          <div key={letters.ownerId} className="export-letters">
            <h3>
              {letters.ownerName}
              {letters.shared ? ' (shared with the team)' : ' (not shared)'}
            </h3>
            <h4>{LETTER_LABEL.impact}</h4>
            <Text>{letters.impact}</Text>
            <h4>{LETTER_LABEL.bottomLine}</h4>
            <Text>{letters.bottomLine}</Text>
          </div>
        ))}
      </Block>
      {attempt.reviews.length > 0 ? (
        <Block title="Letter reviews">
          <ul className="export-list">
            {attempt.reviews.map((review) => (
              <li key={`${review.ownerId}-${review.letter}`}>
                {nameOf(review.ownerId)}, {LETTER_LABEL[review.letter]}: {REVIEW_LABEL[review.status]}
                {review.comment ? `: ${review.comment}` : ''}
              </li>
            ))}
          </ul>
        </Block>
      ) : null}
      <Block title="Questions">
        {attempt.questions.length === 0 ? <p className="muted small">No questions.</p> : null}
        <ul className="export-list">
          {attempt.questions.map((question) => (
            <li key={question.id}>
              <strong>{question.askedBy.name}:</strong> {question.question}
              {question.answer ? (
                <div>
                  <strong>{question.answeredBy?.name ?? 'Answer'}:</strong> {question.answer}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </Block>
      <Block title="Readiness">
        <ul className="export-list">
          {attempt.readiness.readiness.map((entry) => (
            <li key={entry.userId}>
              <strong>{entry.name}</strong>
              <Fields
                record={{
                  attending: entry.attending ?? '',
                  holdingBottomLines: entry.holding ?? '',
                  note: entry.note,
                  decision: entry.decision ?? '',
                }}
              />
            </li>
          ))}
        </ul>
      </Block>
      {attempt.debrief ? (
        <Block title="Debrief">
          <Fields
            record={{
              outcome: OUTCOME_LABEL[attempt.debrief.outcome],
              wentWrong: attempt.debrief.wentWrong.map((item) => WENT_WRONG_INFO[item].label),
            }}
          />
          <h4>What happened</h4>
          <Text>{attempt.debrief.details}</Text>
          <h4>Lessons</h4>
          <Text>{attempt.debrief.lessons}</Text>
          {Object.entries(attempt.debrief.participantNotes).map(([key, note]) => (
            <div key={key}>
              <h4>About {nameOf(key)}</h4>
              <Text>{note}</Text>
            </div>
          ))}
        </Block>
      ) : null}
    </section>
  );
}
