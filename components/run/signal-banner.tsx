import { leftLine, SIGNAL_LABEL } from '@/lib/run/labels';
import type { SignalView } from '@/lib/run/types';
import type { SheetPlaybook } from './run-types';

/**
 * A silent signal from the interventionist, across the top of every team phone until it is
 * cleared or this person has seen it. The follower named in "they left" is told to go.
 */
export function SignalBanner({
  signal,
  meId,
  leavesPlaybook,
  onSeen,
}: {
  signal: SignalView;
  meId: string;
  leavesPlaybook: SheetPlaybook | null;
  onSeen(): void;
}) {
  const iGo = signal.signal === 'left' && signal.followers.includes(meId);
  const text = signal.signal === 'left' ? leftLine(signal.followerNames) : SIGNAL_LABEL[signal.signal];
  return (
    <div
      className={`run-signal run-signal-${signal.signal}`}
      role="alert"
      data-testid="run-signal"
      data-signal={signal.signal}
    >
      <p className="run-signal-text">{iGo ? 'They left: you go. Follow them calmly.' : text}</p>
      {signal.signal === 'stop' ? <p>Stop at once. Follow the safety plan below; move towards the exits.</p> : null}
      {signal.signal === 'pause' ? <p>Breathe. Say nothing for now; the interventionist takes it from here.</p> : null}
      {signal.signal === 'left' && !iGo ? <p>Everyone else stays seated.</p> : null}
      {iGo && leavesPlaybook?.steps ? <p className="run-signal-steps">{leavesPlaybook.steps}</p> : null}
      <button type="button" className="button button-secondary button-small" onClick={onSeen}>
        Seen
      </button>
    </div>
  );
}
