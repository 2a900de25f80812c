import type { RunOutcome, TeamSignal } from './types';

/** The signals as a phone shows them (the follower's name goes after `left`). */
export const SIGNAL_LABEL: Readonly<Record<TeamSignal, string>> = {
  pause: 'Pause, stay calm',
  stop: 'Stop: follow the safety plan',
  left: 'They left',
};

/** The outcomes in the debrief's words (components/review/debrief-labels.ts shows the same choice). */
export const OUTCOME_WORDS: Readonly<Record<RunOutcome, string>> = {
  accepted: 'accepted treatment',
  refused: 'refused treatment',
  left: 'left before the end',
  aggressive: 'became aggressive; we stopped',
  postponed: 'postponed',
};

/** "Riley", "Riley and Pat", "Riley, Pat and Sam". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** "They left: Riley goes", or "They left: the follower goes" when nobody was chosen. */
export function leftLine(followerNames: readonly string[]): string {
  if (followerNames.length === 0) return `${SIGNAL_LABEL.left}: the person chosen to follow goes`;
  return `${SIGNAL_LABEL.left}: ${listNames(followerNames)} ${followerNames.length === 1 ? 'goes' : 'go'}`;
}

/** "2:05": minutes and seconds, for timers and reading times. */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
