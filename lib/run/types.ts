import type { Debrief } from '../schemas/debrief';

/**
 * Run mode, the day itself (docs/realtime.md, section 13): what a run records and what a phone is
 * told. A run is a record (`runs`), its moments are events (`run_events`) appended by the
 * interventionist's actions through the HTTP API; the state every phone shows is folded from
 * them (./state.ts). Nothing here is plan content: names and titles are copied from the plan
 * when the moment happens, so the debrief's timeline says who read even if a card is renamed.
 */

/** The silent signals the interventionist sends to every team phone. */
export const TEAM_SIGNALS = ['pause', 'stop', 'left'] as const;
export type TeamSignal = (typeof TEAM_SIGNALS)[number];

/** What can happen, as the debrief names it (the empty "not recorded yet" is not an outcome). */
export const RUN_OUTCOMES = [
  'accepted',
  'refused',
  'left',
  'aggressive',
  'postponed',
] as const satisfies readonly Exclude<Debrief['outcome'], ''>[];
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

/** The impact letters are read first; the bottom-line letters only after a refusal (or to practise them). */
export type ReadingPhase = 'letters' | 'bottom-lines';
/** `after`: the outcome's screen (the escort, the first 72 hours, the safety plan). */
export type RunPhase = ReadingPhase | 'after';

export type RunEvent =
  | { kind: 'started' }
  /** Someone begins reading; null: nobody reads now (every letter of the phase was read). */
  | { kind: 'speaker'; itemId: string | null; name: string; phase: ReadingPhase }
  | { kind: 'phase'; phase: RunPhase }
  | { kind: 'contingency'; itemId: string; title: string; actors: string[]; actorNames: string[] }
  | { kind: 'contingency-closed'; title: string }
  | { kind: 'signal'; signal: TeamSignal; followers: string[]; followerNames: string[] }
  | { kind: 'signal-cleared' }
  /** A relative asks the interventionist, and only them, to step out. */
  | { kind: 'step-out'; name: string }
  | { kind: 'outcome'; outcome: RunOutcome }
  | { kind: 'ended' };

export type RunEventKind = RunEvent['kind'];

export interface StoredRunEvent {
  seq: number;
  /** Server time, ms. */
  at: number;
  userId: string;
  event: RunEvent;
}

export interface RunRecord {
  id: string;
  attempt: number;
  rehearsal: boolean;
  startedAt: number;
  startedBy: string;
  endedAt: number | null;
  /** The time zone the interventionist's phone is in: the debrief's times are written in it. */
  timeZone: string;
}

export interface SpeakerNow {
  itemId: string;
  name: string;
  /** When they began (server ms): each phone's timer counts from here. */
  since: number;
}

export interface Spoken {
  itemId: string;
  name: string;
  phase: ReadingPhase;
  ms: number;
}

/** What every member's screen shows: the board room is sent this, so it holds nothing private. */
export interface RunState {
  runId: string;
  attempt: number;
  rehearsal: boolean;
  startedAt: number;
  endedAt: number | null;
  /**
   * The event that last changed this state. A driver's move names the state it was made on, so
   * two interventionists pressing "next" at once move the run on once.
   */
  seq: number;
  phase: RunPhase;
  speaker: SpeakerNow | null;
  /** Who has read, in order, with how long each took. */
  spoken: Spoken[];
  contingency: { itemId: string; title: string; actors: string[]; since: number } | null;
  outcome: RunOutcome | null;
  outcomeAt: number | null;
}

/** The last signal to the team, for those who receive signals. */
export interface SignalView {
  seq: number;
  at: number;
  signal: TeamSignal;
  /** For `left`: the people chosen to follow (user ids) and their names. */
  followers: string[];
  followerNames: string[];
}

/** A relative's request to step out, for the interventionists only. */
export interface StepOutView {
  seq: number;
  at: number;
  userId: string;
  name: string;
}

/** A run as one person may see it: the shared state, and the signals their role receives. */
export interface RunView {
  state: RunState;
  /** Null when none is showing, or when this person does not receive signals (a viewer). */
  signal: SignalView | null;
  /** Only for those who drive the run; empty for everyone else. */
  stepOuts: StepOutView[];
}

/** What the board channel sends about a run (lib/protocol/board-events.ts). `now` sets the phone's clock. */
export type RunMessage =
  | { kind: 'state'; attempt: number; state: RunState; now: number }
  | { kind: 'signal'; attempt: number; runId: string; signal: SignalView | null; now: number }
  | { kind: 'step-out'; attempt: number; runId: string; stepOut: StepOutView; now: number };
