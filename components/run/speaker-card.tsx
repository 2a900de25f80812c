import { clock } from '@/lib/run/labels';
import type { RunState } from '@/lib/run/types';
import { GUIDE_SECONDS, LetterForReading } from './letter-text';
import type { RunSheet } from './run-types';

function ordinal(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return `${n}th`;
  const last = n % 10;
  return `${n}${last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th'}`;
}

/** Who reads now, their seat, the timer, and the letter (if this person may read it), large. */
export function SpeakerCard({
  state,
  sheet,
  meId,
  now,
}: {
  state: RunState;
  sheet: RunSheet;
  meId: string;
  now: number;
}) {
  const current = state.speaker;
  if (!current) return null;
  const index = sheet.order.findIndex((s) => s.itemId === current.itemId);
  const speaker = sheet.order[index];
  const field = state.phase === 'bottom-lines' ? 'bottomLine' : 'impact';
  const elapsed = Math.max(0, now - current.since);
  const over = elapsed > GUIDE_SECONDS * 1000;
  const mine = speaker !== undefined && speaker.memberId === meId && speaker.attendance === 'attends';
  return (
    <section className={`run-card run-speaker${mine ? ' is-mine' : ''}`} aria-labelledby="run-speaker-heading">
      <p className="run-eyebrow">
        {state.phase === 'bottom-lines' ? 'Bottom-line letter' : 'Now reading'}
        {index >= 0 ? ` · ${ordinal(index + 1)} of ${sheet.order.length}` : ''}
      </p>
      <div className="run-speaker-head">
        <h2 id="run-speaker-heading" data-testid="run-speaker">
          {mine ? 'Your turn' : current.name}
        </h2>
        <p
          className={`run-timer${over ? ' is-over' : ''}`}
          data-testid="run-timer"
          aria-label={`Time: ${clock(elapsed)}`}
        >
          {clock(elapsed)}
          {state.rehearsal ? <span className="run-timer-guide"> / {clock(GUIDE_SECONDS * 1000)}</span> : null}
        </p>
      </div>
      {speaker ? (
        <p className="muted small">
          {mine ? 'Read your letter, slowly.' : null}
          {speaker.seat ? ` Seat: ${speaker.seat}.` : ''}
          {speaker.attendance === 'letter-read'
            ? ` ${speaker.name}’s letter, read by ${speaker.readBy || 'someone else'}.`
            : ''}
        </p>
      ) : (
        <p className="muted small">This card is no longer on the team: look again at the running order.</p>
      )}
      {speaker ? <LetterForReading speaker={speaker} field={field} own={speaker.memberId === meId} /> : null}
    </section>
  );
}
