import { clock } from '@/lib/run/labels';
import type { RunState } from '@/lib/run/types';
import type { RunSheet } from './run-types';

const ROLE_WORDS: Record<string, string> = {
  chair: 'chair',
  closer: 'closer',
  escort: 'escort',
  follower: 'follows if they leave',
  'safety-lead': 'safety lead',
  'emergency-caller': 'calls emergency services',
};

/**
 * The running order from the Team section: who reads in which order, where they sit, what
 * they have read. The interventionist may tap a name to have that person read now.
 */
export function RunningOrder({
  sheet,
  state,
  meId,
  onPick,
  disabled,
}: {
  sheet: RunSheet;
  state: RunState | null;
  meId: string;
  onPick: ((itemId: string) => void) | null;
  disabled: boolean;
}) {
  const phase = state?.phase === 'bottom-lines' ? 'bottom-lines' : 'letters';
  return (
    <section className="run-card" aria-labelledby="run-order-heading">
      <h2 id="run-order-heading">Running order</h2>
      {onPick ? <p className="muted small">Tap a name to have that person read now.</p> : null}
      {sheet.order.length === 0 ? (
        <p className="muted">Nobody is on the team yet: add people and their speaking order in the Team section.</p>
      ) : (
        <ol className="run-order" data-testid="run-order">
          {sheet.order.map((speaker) => {
            const now = state?.speaker?.itemId === speaker.itemId;
            const read = state?.spoken.find((s) => s.itemId === speaker.itemId && s.phase === phase);
            const roles = speaker.roles.map((role) => ROLE_WORDS[role] ?? role).join(', ');
            const label = (
              <>
                <span className="run-order-name">
                  <span data-testid="run-order-name">{speaker.name}</span>
                  {speaker.memberId === meId ? ' (you)' : ''}
                </span>
                <span className="muted small">
                  {[
                    speaker.seat ? `seat: ${speaker.seat}` : '',
                    speaker.attendance === 'letter-read' ? `read by ${speaker.readBy || 'someone else'}` : '',
                    roles,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </>
            );
            return (
              <li
                key={speaker.itemId}
                className={now ? 'is-now' : read ? 'is-read' : ''}
                aria-current={now ? 'step' : undefined}
                data-testid="run-order-item"
              >
                {onPick ? (
                  <button
                    type="button"
                    className="run-order-pick"
                    disabled={disabled || now}
                    onClick={() => onPick(speaker.itemId)}
                  >
                    {label}
                  </button>
                ) : (
                  <div className="run-order-pick">{label}</div>
                )}
                <span className="run-order-state small">{now ? 'reading' : read ? `read ${clock(read.ms)}` : ''}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
