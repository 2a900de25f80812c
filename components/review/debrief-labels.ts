import type { Debrief } from '@/lib/schemas/debrief';

/**
 * The debrief's choices in words. Typed against the shared schema (lib/schemas/debrief.ts): a
 * choice added there fails to compile here until named.
 */
export type Outcome = Debrief['outcome'];
export type WentWrong = Debrief['wentWrong'][number];

export const OUTCOME_LABEL = {
  '': 'Not recorded yet',
  accepted: 'Accepted treatment',
  refused: 'Refused treatment',
  left: 'Left before the end',
  aggressive: 'Became aggressive; we stopped',
  postponed: 'Postponed',
} satisfies Record<Outcome, string>;

export const OUTCOMES = Object.keys(OUTCOME_LABEL) as Outcome[];

/** The ways an intervention goes wrong, each with what the team can decide for next time. */
export const WENT_WRONG_INFO = {
  'under-influence': {
    label: 'Arrived under the influence',
    next: 'Next time, decide beforehand whether to wait until they are sober or to postpone.',
  },
  'led-with-emotion': {
    label: 'Someone led with emotion',
    next: 'Next time, that person might stay home and have their letter read by someone else.',
  },
  'walked-out': { label: 'Walked out', next: 'Next time, agree who follows them and what that person says.' },
  aggressive: {
    label: 'Became violent or aggressive',
    next: 'Next time, go over the safety plan, the exits and who calls for help first.',
  },
  'refused-treatment': {
    label: 'Refused treatment',
    next: 'Keep every bottom line now; a second intervention can follow.',
  },
} satisfies Record<WentWrong, { label: string; next: string }>;

export const WENT_WRONG = Object.keys(WENT_WRONG_INFO) as WentWrong[];

/** Outcomes after which the first 72 hours' rules apply: the loved one did not accept help. */
export function isRefusal(outcome: Outcome): boolean {
  return outcome === 'refused' || outcome === 'left' || outcome === 'aggressive';
}
