import type { RunSheet } from '@/server/run/sheet';

export type { RunSheet, SheetPlaybook, SheetSpeaker } from '@/server/run/sheet';
export type { LetterText } from '@/server/run/letter-text';

/** What run mode offers this person, from the abilities the page was handed (never their role). */
export interface RunAbilities {
  /** Leads the run: start, next, playbooks, signals, outcome, end. */
  drive: boolean;
  /** May ask the interventionist to step out. */
  stepOut: boolean;
  /** Receives the silent signals (the team; viewers read along without them). */
  signals: boolean;
}

export interface RunPageProps {
  boardId: string;
  boardTitle: string;
  attempt: number;
  me: { userId: string; name: string };
  can: RunAbilities;
  sheet: RunSheet;
}
