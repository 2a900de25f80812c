'use client';

import { useState } from 'react';
import { phaseRead } from '@/lib/run/state';
import { leftLine, OUTCOME_WORDS, SIGNAL_LABEL } from '@/lib/run/labels';
import { RUN_OUTCOMES, type RunState, type SignalView } from '@/lib/run/types';
import type { RunAction } from '@/lib/schemas/run';
import type { RunSheet } from './run-types';

type Move = (action: RunAction, label?: string) => Promise<boolean>;

function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Before a run, or after one ended: start the day itself, or a rehearsal of it. */
export function StartControls({ move, disabled }: { move: Move; disabled: boolean }) {
  return (
    <section className="run-card run-controls" aria-labelledby="run-start-heading">
      <h2 id="run-start-heading">Start</h2>
      <p className="muted small">
        Every phone on the board follows at once. A rehearsal is the same screen: nothing is recorded as the outcome.
      </p>
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() => void move({ type: 'start', rehearsal: false, timeZone: timeZone() }, 'start')}
        >
          Start the intervention
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={disabled}
          onClick={() => void move({ type: 'start', rehearsal: true, timeZone: timeZone() }, 'rehearse')}
        >
          Start a rehearsal
        </button>
      </div>
    </section>
  );
}

function nextLabel(state: RunState, sheet: RunSheet): string | null {
  if (state.phase === 'after') return null;
  const index = state.speaker ? sheet.order.findIndex((s) => s.itemId === state.speaker?.itemId) : -1;
  if (phaseRead(state)) return null;
  const following = state.speaker ? sheet.order[index + 1] : sheet.order[0];
  if (!state.speaker) return following ? `Begin: ${following.name}` : null;
  if (following) return `Next: ${following.name}`;
  return state.phase === 'bottom-lines' ? 'Finish: the first 72 hours' : 'Every letter is read';
}

/** The interventionist's controls for a run under way. */
export function DriverControls({
  state,
  signal,
  sheet,
  move,
  disabled,
}: {
  state: RunState;
  signal: SignalView | null;
  sheet: RunSheet;
  move: Move;
  disabled: boolean;
}) {
  const [ending, setEnding] = useState(false);
  const next = nextLabel(state, sheet);
  return (
    <section className="run-card run-controls" aria-labelledby="run-controls-heading" data-testid="run-controls">
      <h2 id="run-controls-heading">You lead</h2>
      {next ? (
        <button
          type="button"
          className="button run-next"
          disabled={disabled}
          data-testid="run-next"
          onClick={() => void move({ type: 'next', seq: state.seq }, 'next')}
        >
          {next}
        </button>
      ) : null}

      <h3>Signals to the team</h3>
      <div className="run-button-grid">
        {(['pause', 'stop', 'left'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className={`button button-secondary run-signal-button run-signal-button-${kind}`}
            aria-pressed={signal?.signal === kind}
            disabled={disabled}
            onClick={() => void move({ type: 'signal', signal: kind }, `signal-${kind}`)}
          >
            {kind === 'left' ? leftLine(sheet.followers.map((f) => f.name)) : SIGNAL_LABEL[kind]}
          </button>
        ))}
        {signal ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={disabled}
            onClick={() => void move({ type: 'signal', signal: 'clear' }, 'signal-clear')}
          >
            All clear
          </button>
        ) : null}
      </div>

      <h3>Playbooks</h3>
      {sheet.playbooks.length === 0 ? <p className="muted small">The plan has no playbooks.</p> : null}
      <div className="run-button-grid">
        {sheet.playbooks.map((playbook) => (
          <button
            key={playbook.id}
            type="button"
            className="button button-secondary"
            aria-pressed={state.contingency?.itemId === playbook.id}
            disabled={disabled}
            onClick={() => void move({ type: 'contingency', itemId: playbook.id }, `playbook-${playbook.id}`)}
          >
            {playbook.title}
          </button>
        ))}
        {state.contingency ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={disabled}
            onClick={() => void move({ type: 'contingency', itemId: null }, 'playbook-close')}
          >
            Close the playbook
          </button>
        ) : null}
      </div>

      {state.rehearsal ? (
        <>
          <h3>Rehearsal</h3>
          {state.phase !== 'bottom-lines' ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={disabled}
              onClick={() => void move({ type: 'bottom-lines', seq: state.seq }, 'bottom-lines')}
            >
              Practise the bottom-line letters
            </button>
          ) : null}
        </>
      ) : (
        <>
          <h3>What happened</h3>
          <div className="run-button-grid" role="group" aria-label="Outcome">
            {RUN_OUTCOMES.map((outcome) => (
              <button
                key={outcome}
                type="button"
                className="button button-secondary"
                aria-pressed={state.outcome === outcome}
                disabled={disabled}
                onClick={() => void move({ type: 'outcome', outcome, seq: state.seq }, `outcome-${outcome}`)}
              >
                {OUTCOME_WORDS[outcome].replace(/^./, (c) => c.toUpperCase())}
              </button>
            ))}
          </div>
        </>
      )}

      <div className="run-end">
        {ending ? (
          <>
            <button
              type="button"
              className="button button-danger"
              disabled={disabled}
              onClick={() => void move({ type: 'end' }, 'end').then(() => setEnding(false))}
            >
              Yes, end {state.rehearsal ? 'the rehearsal' : 'the run'}
            </button>
            <button type="button" className="button-link" onClick={() => setEnding(false)}>
              Keep going
            </button>
          </>
        ) : (
          <button type="button" className="button button-secondary" disabled={disabled} onClick={() => setEnding(true)}>
            End {state.rehearsal ? 'the rehearsal' : 'the run'}
          </button>
        )}
      </div>
    </section>
  );
}
