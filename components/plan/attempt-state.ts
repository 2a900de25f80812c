import type { AttemptSummary } from '@/server/boards/boards';

/**
 * Where an attempt stands. A freeze of the latest attempt is a pause an interventionist can
 * lift; staging the next attempt closes this one for good. The two read alike in the records
 * (both have `frozenAt`), never on screen.
 */
export type AttemptState = 'open' | 'frozen' | 'closed';

export function attemptState(number: number, attempts: readonly AttemptSummary[]): AttemptState {
  const attempt = attempts.find((a) => a.number === number);
  if (attempts.some((a) => a.number > number)) return 'closed';
  return attempt?.frozenAt != null ? 'frozen' : 'open';
}

/** "Attempt 2 (frozen)", as the attempt pickers list them. */
export function attemptName(number: number, attempts: readonly AttemptSummary[]): string {
  const state = attemptState(number, attempts);
  return `Attempt ${number}${state === 'open' ? '' : ` (${state})`}`;
}
