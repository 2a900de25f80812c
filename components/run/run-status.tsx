import type { RunState } from '@/lib/run/types';
import type { RunLink } from './use-run-channel';

const LINK_LABEL: Record<RunLink, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline',
  ended: 'Closed',
};

/** Whether this phone follows live, and what kind of run it shows. */
export function RunStatus({ link, state }: { link: RunLink; state: RunState | null }) {
  const running = state !== null && state.endedAt === null;
  return (
    <div className="run-status">
      <span
        className={`status-dot status-${link === 'live' ? 'live' : 'offline'}`}
        role="status"
        data-testid="run-link"
        data-link={link}
      >
        {LINK_LABEL[link]}
      </span>
      {running && state.rehearsal ? (
        <span className="run-chip" data-testid="run-rehearsal">
          Rehearsal
        </span>
      ) : null}
      {state && !running ? <span className="run-chip">Ended</span> : null}
    </div>
  );
}

/** Said when the phone lost its connection: nothing on it is cleared, and it catches up on return. */
export function OfflineNote() {
  return (
    <p className="alert alert-info run-offline" data-testid="run-offline">
      Offline. This screen keeps the running order and the safety plan, and catches up as soon as the phone is back
      online.
    </p>
  );
}
