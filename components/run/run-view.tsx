'use client';

import { useEffect, useRef, useState } from 'react';
import type { RunView as RunViewData } from '@/lib/run/types';
import { AfterOutcome } from './after-outcome';
import { DriverControls, StartControls } from './driver-controls';
import { PlaybookCard } from './playbook-card';
import { RehearsalSummary } from './rehearsal-summary';
import { RunningOrder } from './running-order';
import { OfflineNote, RunStatus } from './run-status';
import type { RunPageProps } from './run-types';
import { SafetyCard } from './safety-card';
import { SignalBanner } from './signal-banner';
import { SpeakerCard } from './speaker-card';
import { StepOutAlerts } from './step-out-alerts';
import { StepOutButton } from './step-out-button';
import { useMove } from './use-move';
import { useServerNow } from './use-now';
import { useRunChannel } from './use-run-channel';
import { canVibrate, vibrate } from './vibrate';
import './run.css';

const timeOf = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Vibrates once for each new thing this phone must act on: a signal, a playbook naming them, a request. */
function useAlerts(view: RunViewData | null, meId: string): void {
  const last = useRef<string | null>(null);
  const signal = view?.signal?.seq ?? 0;
  const actor =
    view?.state.contingency && view.state.contingency.actors.includes(meId)
      ? `${view.state.contingency.itemId}@${view.state.contingency.since}`
      : '';
  const request = view?.stepOuts[view.stepOuts.length - 1]?.seq ?? 0;
  const key = `${signal}|${actor}|${request}`;
  useEffect(() => {
    // The first state the page shows is not news.
    if (last.current !== null && key !== last.current && (signal > 0 || actor !== '' || request > 0)) vibrate();
    last.current = key;
  }, [key, signal, actor, request]);
}

/**
 * Run mode: the day itself on every phone. The interventionist leads; everyone's screen follows
 * the board channel; the running order and the safety plan stay on screen whatever happens to
 * the connection. What this person may do comes from the abilities the page was handed.
 */
export function RunView(props: RunPageProps & { initial: { run: RunViewData | null; now: number } }) {
  const { boardId, attempt, me, can } = props;
  const channel = useRunChannel(boardId, attempt, props.sheet, props.initial);
  const { view, sheet, link, offset } = channel;
  const base = `/api/boards/${boardId}/attempts/${attempt}/run`;
  const { move, pending, error, clearError } = useMove(base, channel.accept, channel.refresh);
  const [seenSignal, setSeenSignal] = useState(0);
  const [vibration, setVibration] = useState<'unknown' | 'on' | 'none'>('unknown');
  const state = view?.state ?? null;
  const underWay = state !== null && state.endedAt === null;
  const now = useServerNow(offset, underWay && state.speaker !== null);
  useAlerts(view, me.userId);

  if (link === 'ended') {
    return (
      <div className="page run-page">
        <p className="alert alert-error" role="alert">
          This screen is closed: you are no longer on this board, or you were signed out.
        </p>
      </div>
    );
  }
  const offline = link === 'offline';
  const disabled = offline || pending !== null;
  const signal = view?.signal && view.signal.seq > seenSignal && underWay ? view.signal : null;
  const leaves = sheet.playbooks.find((p) => p.preset === 'preset-leaves') ?? null;
  const urgent = signal?.signal === 'stop' || state?.outcome === 'aggressive';
  return (
    <div className="page run-page" data-testid="run-page" data-run-seq={state?.seq ?? 0}>
      <div className="run-head">
        <div>
          <h1>Run mode</h1>
          <p className="muted small">
            {props.boardTitle} · attempt {attempt}
          </p>
        </div>
        <div className="run-head-end">
          <RunStatus link={link} state={state} />
        </div>
      </div>
      {signal ? (
        <SignalBanner
          signal={signal}
          meId={me.userId}
          leavesPlaybook={leaves}
          onSeen={() => setSeenSignal(signal.seq)}
        />
      ) : null}
      {can.drive && view && underWay ? <StepOutAlerts stepOuts={view.stepOuts} timeOf={timeOf} /> : null}
      {offline ? <OfflineNote /> : null}
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}{' '}
          <button type="button" className="button-link" onClick={clearError}>
            Dismiss
          </button>
        </div>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {state?.speaker ? `Now reading: ${state.speaker.name}` : ''}
      </p>

      {!underWay ? (
        <p className="run-waiting" data-testid="run-waiting">
          {state?.endedAt
            ? `${state.rehearsal ? 'The rehearsal' : 'The run'} ended at ${timeOf(state.endedAt)}.`
            : can.drive
              ? 'Nothing has started yet.'
              : 'Waiting for the interventionist to start. Keep this screen open: it follows by itself.'}
        </p>
      ) : null}
      {underWay && state ? <PlaybookCard state={state} sheet={sheet} meId={me.userId} /> : null}
      {underWay && state ? <SpeakerCard state={state} sheet={sheet} meId={me.userId} now={now} /> : null}
      {underWay && state && state.speaker === null && state.phase !== 'after' && state.spoken.length > 0 ? (
        <p className="run-waiting">Every letter has been read.</p>
      ) : null}
      {state && !state.rehearsal ? <AfterOutcome state={state} sheet={sheet} /> : null}
      {state ? <RehearsalSummary state={state} sheet={sheet} /> : null}

      {can.drive ? (
        underWay && state ? (
          <DriverControls state={state} signal={view?.signal ?? null} sheet={sheet} move={move} disabled={disabled} />
        ) : (
          <StartControls move={move} disabled={disabled} />
        )
      ) : null}
      {can.stepOut && underWay ? <StepOutButton move={move} disabled={disabled} /> : null}
      {can.signals ? (
        <p className="small" role="status">
          {vibration === 'unknown' ? (
            // Browsers vibrate only for a page that was tapped: this tap is that, and a test.
            <button
              type="button"
              className="button-link"
              onClick={() => setVibration(canVibrate() && vibrate([60]) ? 'on' : 'none')}
            >
              Let this phone vibrate for signals
            </button>
          ) : vibration === 'on' ? (
            'This phone vibrates for signals.'
          ) : (
            'This browser does not vibrate for web pages: keep an eye on the screen.'
          )}
        </p>
      ) : null}

      <RunningOrder
        sheet={sheet}
        state={underWay ? state : null}
        meId={me.userId}
        onPick={
          can.drive && underWay && state && state.phase !== 'after'
            ? (itemId) => void move({ type: 'speaker', itemId, seq: state.seq }, `speaker-${itemId}`)
            : null
        }
        disabled={disabled}
      />
      <SafetyCard sheet={sheet} urgent={urgent} />
    </div>
  );
}
