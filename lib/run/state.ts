import type {
  RunEvent,
  RunRecord,
  RunState,
  SignalView,
  SpeakerNow,
  Spoken,
  StepOutView,
  StoredRunEvent,
} from './types';

/** Events that change what every screen shows; signals and step-outs travel on their own. */
const STATE_EVENTS: ReadonlySet<RunEvent['kind']> = new Set([
  'started',
  'speaker',
  'phase',
  'contingency',
  'contingency-closed',
  'outcome',
  'ended',
]);

export function changesState(event: RunEvent): boolean {
  return STATE_EVENTS.has(event.kind);
}

function closeSpeaker(speaker: SpeakerNow | null, phase: RunState['phase'], at: number, spoken: Spoken[]): void {
  if (!speaker || phase === 'after') return;
  spoken.push({ itemId: speaker.itemId, name: speaker.name, phase, ms: Math.max(0, at - speaker.since) });
}

/** The run's state after its events (in sequence order), as every screen shows it. Pure. */
export function foldRun(run: RunRecord, events: readonly StoredRunEvent[]): RunState {
  const state: RunState = {
    runId: run.id,
    attempt: run.attempt,
    rehearsal: run.rehearsal,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    seq: 0,
    phase: 'letters',
    speaker: null,
    spoken: [],
    contingency: null,
    outcome: null,
    outcomeAt: null,
  };
  for (const { seq, at, event } of events) {
    if (!changesState(event)) continue;
    state.seq = seq;
    switch (event.kind) {
      case 'started':
        break;
      case 'speaker':
        closeSpeaker(state.speaker, state.phase, at, state.spoken);
        state.phase = event.phase;
        state.speaker = event.itemId === null ? null : { itemId: event.itemId, name: event.name, since: at };
        break;
      case 'phase':
        closeSpeaker(state.speaker, state.phase, at, state.spoken);
        state.phase = event.phase;
        state.speaker = null;
        break;
      case 'contingency':
        state.contingency = { itemId: event.itemId, title: event.title, actors: event.actors, since: at };
        break;
      case 'contingency-closed':
        state.contingency = null;
        break;
      case 'outcome':
        state.outcome = event.outcome;
        state.outcomeAt = at;
        break;
      case 'ended':
        closeSpeaker(state.speaker, state.phase, at, state.spoken);
        state.speaker = null;
        state.endedAt = at;
        break;
      default:
        break;
    }
  }
  return state;
}

/** Whether every letter of the phase has been read: someone read, and nobody reads now. */
export function phaseRead(state: RunState): boolean {
  return state.speaker === null && state.phase !== 'after' && state.spoken.some((s) => s.phase === state.phase);
}

/** The signal showing now: the last one sent, unless the interventionist cleared it since. */
export function currentSignal(events: readonly StoredRunEvent[]): SignalView | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const stored = events[i];
    if (!stored) continue;
    const { event } = stored;
    if (event.kind === 'signal-cleared' || event.kind === 'ended') return null;
    if (event.kind === 'signal') {
      return {
        seq: stored.seq,
        at: stored.at,
        signal: event.signal,
        followers: event.followers,
        followerNames: event.followerNames,
      };
    }
  }
  return null;
}

/** The requests to step out, newest last (the interventionist's screen dismisses those it has shown). */
export function stepOuts(events: readonly StoredRunEvent[], limit = 20): StepOutView[] {
  const out: StepOutView[] = [];
  for (const stored of events) {
    if (stored.event.kind !== 'step-out') continue;
    out.push({ seq: stored.seq, at: stored.at, userId: stored.userId, name: stored.event.name });
  }
  return out.slice(-limit);
}
